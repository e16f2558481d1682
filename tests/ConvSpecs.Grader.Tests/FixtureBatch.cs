using System.Globalization;
using ConvSpecs.Grader.Grading;

namespace ConvSpecs.Grader.Tests;

/// <summary>
/// The students in Submissions/ graded once as one batch, and the good one graded alone, each into a folder
/// of this test run. Lazy, so a filtered run that needs neither pays for neither.
/// </summary>
internal static class FixtureBatch
{
    public static readonly string Submissions = Path.Combine(AppContext.BaseDirectory, "Submissions");

    /// <summary>
    /// The good students need about a second per scenario, and compiling (in its own process) a few; 3 s failed
    /// under a load above 40, so 20 s: the hanging student costs a minute (three scenarios), beside the others.
    /// </summary>
    public static readonly TimeSpan ScenarioTimeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Below the default: no fixture trains, and HugeModel's 400 MB go over it at once. A 1.2 GB model against the
    /// default 1 GiB was killed only after the 3 s timeout whenever the rest of the suite ran beside it.
    /// </summary>
    public const long MemoryLimitMiB = 384;

    private static readonly string Root = Path.Combine(Path.GetTempPath(), "convspecs-grader-tests", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

    private static readonly Lazy<Task<BatchResult>> Whole = new(() => BatchGrader.GradeAsync(Options(Submissions, Path.Combine(Root, "batch"))));

    private static readonly Lazy<Task<BatchResult>> GoodOnly = new(() =>
    {
        var folder = Path.Combine(Root, "alone-submissions");
        CopyFolder(Path.Combine(Submissions, "Good"), Path.Combine(folder, "Good"));
        return BatchGrader.GradeAsync(Options(folder, Path.Combine(Root, "alone")));
    });

    public static Task<BatchResult> Batch => Whole.Value;

    public static Task<BatchResult> GoodAlone => GoodOnly.Value;

    public static string BatchOutput => Path.Combine(Root, "batch");

    public static string AloneOutput => Path.Combine(Root, "alone");

    public static async Task<StudentResult> Student(string name) => (await Batch).Students.Single(student => student.Student == name);

    public static GradingOptions Options(string submissions, string output) => new()
    {
        SubmissionsDirectory = submissions,
        OutputDirectory = output,
        Parallel = 2,
        ScenarioTimeout = ScenarioTimeout,
        MemoryLimitMiB = MemoryLimitMiB,
        StudentTimeout = TimeSpan.FromSeconds(120),
        // these students attack the sandbox with what the allow-list refuses at compile time (Environment.Exit, System.IO)
        AllowAnyApi = true,
    };

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
    }
}
