using System.Diagnostics;
using ConvSpecs.Grader.Isolation;
using ConvSpecs.Grader.Results;
using ConvSpecs.Grader.Scale;

namespace ConvSpecs.Grader.Grading;

/// <summary>A whole class graded: every student's result, how long it took, and how the students were walled off.</summary>
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
        var sandbox = Sandbox.Detect(options.Isolation);
        var grader = new StudentGrader(options, sandbox);

        var results = new StudentResult[folders.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, folders.Count), new ParallelOptions { MaxDegreeOfParallelism = options.Parallel },
            async (i, _) =>
            {
                results[i] = await grader.GradeAsync(folders[i].Student, folders[i].Folder);
                progress?.WriteLine(TerminalText.OneLine($"  {results[i].Student}: {results[i].Passed}/{results[i].Scenarios.Count} passed, {results[i].Verdict}"));
            });

        var batch = new BatchResult(results, clock.Elapsed, sandbox, MemoryLimit.Mechanism);
        Write(batch, options);
        return batch;
    }

    private static void Prepare(string output)
    {
        Directory.CreateDirectory(output);
        foreach (var folder in new[] { "students", "scratch" })
            if (Directory.Exists(Path.Combine(output, folder))) Directory.Delete(Path.Combine(output, folder), recursive: true);
        foreach (var file in new[] { "summary.csv", "summary.txt", "index.html" })
            File.Delete(Path.Combine(output, file));
    }

    private static void Write(BatchResult batch, GradingOptions options) => GradingOutput.Write(GradedRun.Of(batch), options, options.Shard);
}
