using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using ConvSpecs.Grader.Grading;

namespace ConvSpecs.Grader.Tests.Hostile;

/// <summary>
/// The hostile class graded once, in one batch, beside a copy of the good student, and that good student graded
/// alone; with what the tests need to know from outside: the wall time, the grader's peak memory, the files of
/// the submissions before and after, and whether anyone connected to the host socket the attack aims at.
/// </summary>
internal static class HostileBatch
{
    public const string Secret = "CONVSPECS_HOSTILE_SECRET";

    public static readonly string Root = Path.Combine(Path.GetTempPath(), "convspecs-grader-tests", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), "hostile");

    public static string Submissions => Path.Combine(Root, "submissions");

    public static string Output => Path.Combine(Root, "output");

    public static string AloneOutput => Path.Combine(Root, "alone-output");

    /// <summary>A file the escape attack tries to plant in the host's /tmp.</summary>
    public static readonly string HostTmpFile = Path.Combine("/tmp", $"{HostileStudents.Marker}-{Environment.ProcessId}.txt");

    private static readonly Lazy<Task<Graded>> Once = new(GradeAsync);

    public static Task<Graded> Result => Once.Value;

    /// <summary>
    /// Generous limits, so that no correct student comes near them on a loaded machine: 30 s per scenario (the
    /// good ones take about one), 120 s per student; a small scratch folder, so that the disk and file attacks end fast.
    /// </summary>
    public static GradingOptions Options(string submissions, string output) => new()
    {
        SubmissionsDirectory = submissions,
        OutputDirectory = output,
        Parallel = 2,
        ScenarioTimeout = TimeSpan.FromSeconds(30),
        StudentTimeout = TimeSpan.FromSeconds(120),
        MemoryLimitMiB = 384,
        ScratchMiB = 64,
        ScratchFiles = 1024,
        // the attacks use what the API allow-list refuses (System.IO, Process, threads, sockets): let them compile, so that
        // the sandbox itself is attacked (defence in depth; ApiAllowListTests shows the list refuses each of them)
        AllowAnyApi = true,
    };

    public sealed record Graded(BatchResult Batch, BatchResult Alone, TimeSpan WallTime, TimeSpan Bound, long GraderPeakBytes,
        IReadOnlyList<string> SubmissionsBefore, IReadOnlyList<string> SubmissionsAfter, int HostSocketConnections, string HostSocketPath);

    public static async Task<StudentResult> Student(string name) => (await Result).Batch.Students.Single(student => student.Student == name);

    /// <summary>The processes on this machine whose command line names <paramref name="text"/>, this test process left out.</summary>
    public static IReadOnlyList<string> ProcessesNaming(string text) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Where(folder => int.TryParse(Path.GetFileName(folder), out var pid) && pid != Environment.ProcessId)
            .Select(folder =>
            {
                try { return File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' '); }
                catch (IOException) { return ""; }
                catch (UnauthorizedAccessException) { return ""; }
            })
            .Where(command => command.Contains(text, StringComparison.Ordinal))];

    private static async Task<Graded> GradeAsync()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        CopyFolder(Path.Combine(FixtureBatch.Submissions, "Good"), Path.Combine(Submissions, "Good"));
        var socketPath = Path.Combine("/tmp", $"{HostileStudents.Marker}-{Environment.ProcessId}.sock");
        File.Delete(socketPath);
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen();
        var connections = 0;
        _ = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    using var accepted = await listener.AcceptAsync();
                    Interlocked.Increment(ref connections);
                }
            }
            catch (Exception stopped) when (stopped is SocketException or ObjectDisposedException) { }
        });
        HostileStudents.Write(Submissions, new HostileStudents.EscapeTargets(socketPath, HostTmpFile, Submissions, Output));
        var before = Snapshot(Submissions);
        // A secret of the grader's: no student may read it.
        Environment.SetEnvironmentVariable(Secret, "the-grader-secret");

        var options = Options(Submissions, Output);
        var clock = Stopwatch.StartNew();
        var batch = await BatchGrader.GradeAsync(options);
        var wall = clock.Elapsed;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        var after = Snapshot(Submissions);

        var aloneSubmissions = Path.Combine(Root, "alone-submissions");
        CopyFolder(Path.Combine(FixtureBatch.Submissions, "Good"), Path.Combine(aloneSubmissions, "Good"));
        var alone = await BatchGrader.GradeAsync(Options(aloneSubmissions, AloneOutput));
        File.Delete(socketPath);
        return new Graded(batch, alone, wall, BatchGrader.Bound(options, batch.Students.Count), peak, before, after, Volatile.Read(ref connections), socketPath);
    }

    /// <summary>Every file below <paramref name="folder"/> with its size and last write.</summary>
    private static List<string> Snapshot(string folder) =>
        [.. Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(path => $"{Path.GetRelativePath(folder, path)} {(File.Exists(path) ? new FileInfo(path).Length : -1)} {File.GetLastWriteTimeUtc(path):O}")];

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
    }
}
