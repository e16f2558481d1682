using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ConvSpecs.Grader.Grading;
using ConvSpecs.Reports;

namespace ConvSpecs.Grader.Results;

/// <summary>
/// A student's results.json in Gradescope's autograder format: top-level score, execution_time, output and
/// tests[] (score, max_score, status, name, number, output in markdown, tags, visibility). The maximum and the
/// verdict ride in extra_data, which the format sets aside for such data.
/// </summary>
public static class GradescopeResults
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static double Score(StudentResult student) => student.Scenarios.Where(verdict => verdict.Passed).Sum(verdict => ScenarioScoring.Points(verdict.Scenario));

    public static double MaxScore(StudentResult student) => student.Scenarios.Sum(verdict => ScenarioScoring.Points(verdict.Scenario));

    public static string ToJson(StudentResult student, GradingOptions options, string sandbox)
    {
        ArgumentNullException.ThrowIfNull(student);
        var tests = new List<object>();
        if (!student.Compiles)
            tests.Add(Check("Compiles", "0", false, $"**failed**: the submission does not compile.\n\n{MarkdownText.Fenced(string.Join('\n', student.CompileErrors))}"));
        else if (student.Variants.Count == 0)
            tests.Add(Check("Has a [Variant] model", "0", false, $"**failed**: no [Variant] model.\n\n{MarkdownText.Fenced(student.Verdict)}"));
        tests.AddRange(student.Scenarios.Select(verdict => (object)new
        {
            score = verdict.Passed ? ScenarioScoring.Points(verdict.Scenario) : 0,
            max_score = ScenarioScoring.Points(verdict.Scenario),
            status = verdict.Passed ? "passed" : "failed",
            name = verdict.Name,
            name_format = "text",
            number = verdict.Number,
            output = Output(verdict),
            output_format = "md",
            tags = verdict.Scenario.Tags,
            visibility = ScenarioScoring.Visibility(verdict.Scenario),
        }));

        return JsonSerializer.Serialize(new
        {
            score = Score(student),
            execution_time = Math.Round(student.Duration.TotalSeconds, 1),
            output = Summary(student),
            output_format = "md",
            test_output_format = "md",
            test_name_format = "text",
            visibility = "visible",
            stdout_visibility = "hidden",
            extra_data = new
            {
                student = student.Student,
                variants = student.Variants,
                max_score = MaxScore(student),
                passed = student.Passed,
                total = student.Scenarios.Count,
                verdict = student.Verdict,
                seed = options.Seed,
                device = options.Device,
                sandbox,
            },
            tests,
        }, Json) + "\n";
    }

    private static object Check(string name, string number, bool passed, string output) => new
    {
        score = 0,
        max_score = 0,
        status = passed ? "passed" : "failed",
        name,
        name_format = "text",
        number,
        output,
        output_format = "md",
        tags = Array.Empty<string>(),
        visibility = "visible",
    };

    // The student's name and verdict (a crash's last output) are the student's text: fenced, never raw markdown.
    private static string Summary(StudentResult student)
    {
        var variants = student.Variants.Count == 0 ? "none" : string.Join(", ", student.Variants);
        return string.Create(CultureInfo.InvariantCulture,
            $"Variants found: {variants}. {student.Passed} of {student.Scenarios.Count} scenarios passed, " +
            $"{Score(student):0.##} / {MaxScore(student):0.##} points.\n\n{MarkdownText.Fenced($"student: {student.Student}\nverdict: {student.Verdict}")}\n");
    }

    /// <summary>
    /// A scenario's markdown: the grader's status line, then everything that came from the student's process (the message,
    /// the steps it reported, its statistics, tables and plot names) in fenced blocks, so a student's own statistics.md with
    /// raw HTML or a javascript: link reaches Gradescope as text.
    /// </summary>
    private static string Output(ScenarioVerdict verdict)
    {
        var text = new StringBuilder();
        var points = ScenarioScoring.Points(verdict.Scenario);
        text.Append(CultureInfo.InvariantCulture, $"**{Status(verdict.Status)}** · ");
        text.Append(ScenarioScoring.IsScored(verdict.Scenario) ? string.Create(CultureInfo.InvariantCulture, $"{(verdict.Passed ? points : 0):0.##} / {points:0.##}") : $"informational, {ScenarioScoring.Worth(verdict.Scenario)}");
        if (verdict.Scenario.RuleName is { } rule) text.Append(CultureInfo.InvariantCulture, $" · Rule: {rule}");
        text.Append("\n\n");
        if (verdict.Message is { } message) text.Append(MarkdownText.Fenced(message)).Append("\n\n");
        if (verdict.Steps.Count > 0)
            text.Append("Steps:\n\n").Append(MarkdownText.Fenced(string.Join('\n', verdict.Steps.Select(step => $"{Mark(step.Outcome)} {step.Text}")))).Append("\n\n");
        var measured = new List<string>();
        if (verdict.Evidence.Statistics.Count > 0) measured.Add(StatisticsTable.Render(verdict.Evidence.Statistics).ReplaceLineEndings("\n"));
        measured.AddRange(verdict.Evidence.Tables.Select(table => $"{table.Name}\n{table.Markdown}"));
        if (verdict.Evidence.Plots.Count > 0) measured.Add($"plots (in the HTML report): {string.Join(", ", verdict.Evidence.Plots.Select(plot => plot.Name))}");
        if (measured.Count > 0) text.Append("Measured:\n\n").Append(MarkdownText.Fenced(string.Join("\n\n", measured))).Append("\n\n");
        if (verdict.Evidence.Refusals.Count > 0)
            text.Append("Evidence refused:\n\n").Append(MarkdownText.Fenced(string.Join('\n', verdict.Evidence.Refusals))).Append("\n\n");
        return text.ToString().TrimEnd() + "\n";
    }

    public static string Status(ScenarioStatus status) => status switch
    {
        ScenarioStatus.Passed => "passed",
        ScenarioStatus.Failed => "failed",
        ScenarioStatus.Interrupted => "failed (interrupted)",
        _ => "failed (not run)",
    };

    private static string Mark(string outcome) => outcome switch
    {
        "Passed" => "✓",
        "Skipped" => "–",
        _ => "✗",
    };
}
