using ConvSpecs.Grader.Grading;
using ConvSpecs.Grader.Report;
using ConvSpecs.Grader.Results;

namespace ConvSpecs.Grader.Scale;

/// <summary>
/// The files of a grading output, written the same way whether the run graded the students itself or merged shards:
/// students/&lt;name&gt;/results.json, report.html and record.json, summary.csv, summary.txt, index.html and run.json.
/// </summary>
public static class GradingOutput
{
    public static readonly string[] ClassFiles = ["summary.csv", "summary.txt", "index.html", RunManifest.FileName];

    public static void Write(GradedRun run, GradingOptions options, Shard? shard)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var student in run.Students)
        {
            var folder = Path.Combine(options.OutputDirectory, "students", student.Student);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "results.json"), GradescopeResults.ToJson(student, options, run.Sandbox));
            File.WriteAllText(Path.Combine(folder, "report.html"), HtmlReport.ForStudent(student, run, options));
            File.WriteAllText(Path.Combine(folder, StudentRecord.FileName), StudentRecord.Of(student).ToJson());
        }
        File.WriteAllText(Path.Combine(options.OutputDirectory, "summary.csv"), ClassSummary.ToCsv(run.Students));
        File.WriteAllText(Path.Combine(options.OutputDirectory, "summary.txt"), ClassSummary.ToTable(run.Students, run.WallTime, run.Sandbox));
        File.WriteAllText(Path.Combine(options.OutputDirectory, "index.html"), HtmlReport.ForClass(run, options));
        File.WriteAllText(Path.Combine(options.OutputDirectory, RunManifest.FileName), RunManifest.Of(run, options, shard).ToJson());
    }
}
