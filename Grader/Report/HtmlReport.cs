using System.Globalization;
using System.Text;
using ConvSpecs.Bridge;
using ConvSpecs.Grader.Grading;
using ConvSpecs.Grader.Results;
using ConvSpecs.Reports;
using ConvSpecs.Suite;

namespace ConvSpecs.Grader.Report;

/// <summary>
/// The assignment's living documentation with the class's results in it, as one self-contained HTML file (styles
/// inline, plots embedded as data: URIs, no script): a class overview, then every feature with its description,
/// rules and scenarios and how each student did on them, then a section per student with what was measured.
/// A student's own page (<see cref="ForStudent"/>) is the same for that student alone, so it can be handed out.
/// </summary>
public static class HtmlReport
{
    public static string ForClass(GradedRun run, GradingOptions options) =>
        Page("ConvSpecs grading report", run.Students, run, options, linkStudents: true);

    public static string ForStudent(StudentResult student, GradedRun run, GradingOptions options) =>
        Page($"ConvSpecs report for {student.Student}", [student], run, options, linkStudents: false);

    private static string Page(string title, IReadOnlyList<StudentResult> students, GradedRun batch, GradingOptions options, bool linkStudents)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{Html.Text(title)}</title><style>{Html.Style}</style></head><body>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>{Html.Text(title)}</h1>\n");
        html.Append(CultureInfo.InvariantCulture,
            $"<p>Seed {options.Seed} · device {Html.Text(options.Device)} · limits: {options.ScenarioTimeout.TotalSeconds:0} s per scenario, " +
            $"{options.StudentTimeout.TotalSeconds:0} s per student, {options.MemoryLimitMiB} MiB · sandbox: {Html.Text(batch.Sandbox)}</p>\n");
        Overview(html, students, batch, linkStudents);
        Isolation(html, batch);
        Features(html, students);
        foreach (var student in students) StudentSection(html, student);
        return html.Append("</body></html>\n").ToString();
    }

    private static void Overview(StringBuilder html, IReadOnlyList<StudentResult> students, GradedRun batch, bool linkStudents)
    {
        html.Append("<h2 id=\"overview\">Class overview</h2>\n")
            .Append(CultureInfo.InvariantCulture, $"<p>{students.Count} submission(s) graded in {batch.WallTime.TotalSeconds:0.0} s.</p>\n")
            .Append("<table><thead><tr><th>student</th><th>variants</th><th>passed</th><th>score</th><th>time</th><th>verdict</th></tr></thead><tbody>\n");
        foreach (var student in students)
        {
            var name = linkStudents ? $"<a href=\"#{Html.Id("student", student.Student)}\">{Html.Text(student.Student)}</a>" : Html.Text(student.Student);
            var verdictClass = student.Verdict == StudentResult.Graded ? "passed" : student.Compiles && student.Variants.Count > 0 ? "interrupted" : "failed";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{name}</td><td>{Html.Text(string.Join(", ", student.Variants))}</td>" +
                $"<td class=\"num\">{student.Passed}/{student.Scenarios.Count}</td>" +
                $"<td class=\"num\">{GradescopeResults.Score(student):0.##}/{GradescopeResults.MaxScore(student):0.##}</td>" +
                $"<td class=\"num\">{student.Duration.TotalSeconds:0.0} s</td><td class=\"{verdictClass}\">{Html.Text(student.Verdict)}</td></tr>\n");
        }
        html.Append("</tbody></table>\n");
    }

    private static void Isolation(StringBuilder html, GradedRun batch)
    {
        html.Append("<details><summary>How student code was isolated</summary><p>Isolated:</p><ul>");
        foreach (var line in batch.Isolated) html.Append("<li>").Append(Html.Text(line)).Append("</li>");
        html.Append(CultureInfo.InvariantCulture, $"<li>limits: {Html.Text(batch.MemoryLimit)}</li></ul><p>Not isolated:</p><ul>");
        foreach (var line in batch.NotIsolated) html.Append("<li>").Append(Html.Text(line)).Append("</li>");
        html.Append("</ul></details>\n");
    }

    /// <summary>Every feature that some student attempted: its text, its rules and scenarios, and each student's status.</summary>
    private static void Features(StringBuilder html, IReadOnlyList<StudentResult> students)
    {
        var verdicts = students.SelectMany(student => student.Scenarios.Select(verdict => (student.Student, verdict)))
            .ToLookup(item => item.verdict.Scenario.Id);
        html.Append("<h2 id=\"features\">The specification</h2>\n");
        foreach (var feature in Specification.Suite.Scenarios.GroupBy(scenario => scenario.FeatureName))
        {
            if (!feature.Any(scenario => verdicts[scenario.Id].Any())) continue;
            var first = feature.First();
            html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"{Html.Id("feature", feature.Key)}\">Feature: {Html.Text(feature.Key)}</h2>\n")
                .Append(CultureInfo.InvariantCulture, $"<p class=\"description\">{Html.Text(first.FeatureDescription)}</p>\n");
            foreach (var rule in feature.GroupBy(scenario => scenario.RuleName))
            {
                if (rule.Key is not null) html.Append(CultureInfo.InvariantCulture, $"<h3>Rule: {Html.Text(rule.Key)}</h3>\n");
                foreach (var scenario in rule) ScenarioEntry(html, scenario, verdicts[scenario.Id]);
            }
        }
    }

    private static void ScenarioEntry(StringBuilder html, Scenario scenario, IEnumerable<(string Student, ScenarioVerdict Verdict)> verdicts)
    {
        html.Append("<div class=\"scenario\">")
            .Append(CultureInfo.InvariantCulture, $"<strong>Scenario: {Html.Text(scenario.Name)}</strong> ")
            .Append(CultureInfo.InvariantCulture, $"<span class=\"tags\">{Html.Text(string.Join(" ", scenario.Tags.Select(tag => "@" + tag)))} · " +
                $"{Html.Text(ScenarioScoring.Worth(scenario))}, {Html.Text(ScenarioScoring.Visibility(scenario))} · {Html.Text(scenario.Id)}</span>")
            .Append("<ul class=\"steps\">");
        foreach (var step in scenario.Steps) html.Append(CultureInfo.InvariantCulture, $"<li><b>{Html.Text(step.Keyword)}</b> {Html.Text(step.Text)}</li>");
        html.Append("</ul><div>");
        foreach (var (student, verdict) in verdicts)
            html.Append(CultureInfo.InvariantCulture,
                $"<a class=\"chip {CssClass(verdict.Status)}\" href=\"#{Html.Id("result", student, verdict.Number)}\" title=\"{Html.Text(verdict.Message ?? "passed")}\">{Mark(verdict.Status)} {Html.Text(student)}</a>");
        html.Append("</div></div>\n");
    }

    private static void StudentSection(StringBuilder html, StudentResult student)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"{Html.Id("student", student.Student)}\">Student: {Html.Text(student.Student)}</h2>\n")
            .Append(CultureInfo.InvariantCulture,
                $"<p>Variants found: {Html.Text(student.Variants.Count == 0 ? "none" : string.Join(", ", student.Variants))} · " +
                $"{student.Passed} of {student.Scenarios.Count} scenarios passed · {GradescopeResults.Score(student):0.##} / {GradescopeResults.MaxScore(student):0.##} points · " +
                $"verdict: {Html.Text(student.Verdict)}</p>\n");
        if (!student.Compiles)
            html.Append("<p class=\"failed\">The submission does not compile:</p><pre>").Append(Html.Text(string.Join('\n', student.CompileErrors))).Append("</pre>\n");
        foreach (var verdict in student.Scenarios)
        {
            var status = CssClass(verdict.Status);
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"scenario {status}\" id=\"{Html.Id("result", student.Student, verdict.Number)}\">")
                .Append(CultureInfo.InvariantCulture, $"<h3>{Html.Text(verdict.Number)} {Html.Text(verdict.Name)} <span class=\"{status}\">{Mark(verdict.Status)} {Html.Text(GradescopeResults.Status(verdict.Status))}</span></h3>");
            if (verdict.Message is { } message) html.Append("<pre>").Append(Html.Text(message)).Append("</pre>");
            foreach (var refusal in verdict.Evidence.Refusals) html.Append("<p class=\"failed\">Evidence refused: ").Append(Html.Text(refusal)).Append("</p>");
            if (verdict.Steps.Count > 0)
            {
                html.Append("<ul class=\"steps\">");
                foreach (var step in verdict.Steps) html.Append(CultureInfo.InvariantCulture, $"<li>{StepMark(step.Outcome)} {Html.Text(step.Text)}</li>");
                html.Append("</ul>");
            }
            if (verdict.Evidence.Statistics.Count > 0)
            {
                html.Append("<table><thead><tr><th>statistic</th><th>value</th><th>unit</th></tr></thead><tbody>");
                foreach (var statistic in verdict.Evidence.Statistics)
                    html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html.Text(statistic.Name)}</td><td class=\"num\">{Html.Text(statistic.Value)}</td><td>{Html.Text(statistic.Unit)}</td></tr>");
                html.Append("</tbody></table>");
            }
            foreach (var (name, markdown) in verdict.Evidence.Tables) html.Append(CultureInfo.InvariantCulture, $"<h4>{Html.Text(name)}</h4>{Html.Table(markdown)}");
            foreach (var (name, png) in verdict.Evidence.Plots) html.Append(Html.Png(png, name));
            html.Append("</div>\n");
        }
    }

    private static string CssClass(ScenarioStatus status) => status switch
    {
        ScenarioStatus.Passed => "passed",
        ScenarioStatus.Failed => "failed",
        ScenarioStatus.Interrupted => "interrupted",
        _ => "notrun",
    };

    private static string Mark(ScenarioStatus status) => status switch
    {
        ScenarioStatus.Passed => "✓",
        ScenarioStatus.Failed => "✗",
        ScenarioStatus.Interrupted => "⚠",
        _ => "–",
    };

    private static string StepMark(string outcome) => outcome switch
    {
        "Passed" => "<span class=\"passed\">✓</span>",
        "Skipped" => "<span class=\"notrun\">–</span>",
        _ => "<span class=\"failed\">✗</span>",
    };
}
