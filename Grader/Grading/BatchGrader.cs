using System.Diagnostics;
using ConvSpecs.Grader.Cache;
using ConvSpecs.Grader.Isolation;
using ConvSpecs.Grader.Scale;
using ConvSpecs.Reports;

namespace ConvSpecs.Grader.Grading;

/// <summary>A whole class graded: every student's result, how long it took, and how the students were walled off.</summary>
/// <param name="MemoryLimit">How each student's limits (memory, processes, CPU, scratch) are enforced here.</param>
public sealed record BatchResult(IReadOnlyList<StudentResult> Students, TimeSpan WallTime, Sandbox Sandbox, string MemoryLimit);

/// <summary>
/// Grades every sub-folder of the submissions folder as one student, a few at a time, and writes the
/// results: students/&lt;name&gt;/results.json and report.html, summary.csv, summary.txt and index.html.
/// Every file there is written by the grader, never by a student's process.
/// </summary>
public static class BatchGrader
{
    public static async Task<BatchResult> GradeAsync(GradingOptions options, TextWriter? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var students = GradingPlan.Students(options.SubmissionsDirectory);
        options = options with { SubmissionsDirectory = students.Root };
        var folders = options.Shard is { } shard ? [.. students.Students.Where(student => shard.Contains(student.Student))] : students.Students;
        Prepare(options.OutputDirectory);
        // the student's user must be able to read the data sets too, and reach its scratch folder: bubblewrap cannot bind what it cannot reach
        var sandbox = Sandbox.Detect(options.Isolation, [options.SubmissionsDirectory, .. options.Training.ExistingInputs()],
            [.. ScratchParents.Select(folder => Path.Combine(options.OutputDirectory, folder))]);
        var memoryLimit = $"{StudentCgroup.Mechanism}; {ScratchVolume.Mechanism(options.ScratchMiB, options.ScratchFiles)}";
        using var compilers = new CompilerPool(sandbox, options);
        var grader = new StudentGrader(options, sandbox, compilers);
        var cache = GradingCache.Open(options, sandbox, memoryLimit, progress);

        var results = new StudentResult[folders.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, folders.Count), new ParallelOptions { MaxDegreeOfParallelism = options.Parallel },
            async (i, _) =>
            {
                var (student, folder) = folders[i];
                var started = Stopwatch.StartNew();
                try
                {
                    results[i] = cache is null ? await grader.GradeAsync(student, folder) : await cache.GradeAsync(student, folder, grader.GradeAsync);
                }
                catch (GraderFailure failure)
                {
                    // the grader's fault, not the student's: no verdict about the work (and none cached); the others are still graded
                    results[i] = new StudentResult(student, [], [], [], $"{GraderFailure.Verdict}: {failure.Message}", started.Elapsed);
                }
                progress?.WriteLine(TerminalText.OneLine($"  {results[i].Student}: {results[i].Passed}/{results[i].Scenarios.Count} passed, {results[i].Verdict}{cache?.Describe(student)}"));
            });

        // Every student's scratch volume is unmounted and removed by now; the folder that held them goes too.
        compilers.Dispose();
        foreach (var folder in ScratchParents)
            try { Directory.Delete(Path.Combine(options.OutputDirectory, folder), recursive: true); } catch (IOException) { }
        var batch = new BatchResult(results, clock.Elapsed, sandbox, memoryLimit);
        Write(batch, options);
        cache?.Finish(results, options.OutputDirectory);
        return batch;
    }

    /// <summary>
    /// The longest a batch of <paramref name="students"/> can take (README, "Limits"): students run
    /// <see cref="GradingOptions.Parallel"/> at a time; each within its time limit (compiling included), plus the
    /// ending of its processes, at most one compiling child and <see cref="StudentGrader.MaxInterruptions"/> + 1
    /// workers; plus a minute for finding the sandbox and writing the reports.
    /// </summary>
    public static TimeSpan Bound(GradingOptions options, int students)
    {
        ArgumentNullException.ThrowIfNull(options);
        var perStudent = options.StudentTimeout + WorkerProcess.StopBound * (StudentGrader.MaxInterruptions + 2);
        var rounds = (students + options.Parallel - 1) / options.Parallel;
        return perStudent * rounds + TimeSpan.FromMinutes(1);
    }

    /// <summary>The folders of the output that hold the students' and the compilers' scratch folders.</summary>
    private static readonly string[] ScratchParents = ["scratch", "compilers"];

    /// <summary>
    /// Empties the output of a previous run and makes the folders that hold the scratch folders. Their modes are set, not left to
    /// the umask (077 on a hardened server would make them 0700, which the student's user cannot enter to reach its scratch
    /// folder): the output and those folders may be entered by anyone but listed only by the grader (traverse, no read), so a
    /// student's user reaches its own scratch folder by name and sees no other student's name or result.
    /// </summary>
    private static void Prepare(string output)
    {
        Directory.CreateDirectory(output);
        foreach (var folder in ScratchParents)
            ScratchVolume.UnmountBelow(Path.Combine(output, folder));
        foreach (var folder in ScratchParents.Prepend("students"))
            if (Directory.Exists(Path.Combine(output, folder))) Directory.Delete(Path.Combine(output, folder), recursive: true);
        foreach (var file in new[] { "summary.csv", "summary.txt", "index.html", GradingCache.ReportFile })
            File.Delete(Path.Combine(output, file));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(output, File.GetUnixFileMode(output) | UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute);
            foreach (var folder in ScratchParents)
                File.SetUnixFileMode(Directory.CreateDirectory(Path.Combine(output, folder)).FullName, EnterOnly);
        }
    }

    /// <summary>rwx--x--x: the grader manages it; anyone may pass through to a folder inside whose name it knows.</summary>
    private const UnixFileMode EnterOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private static void Write(BatchResult batch, GradingOptions options) => GradingOutput.Write(GradedRun.Of(batch), options, options.Shard);
}
