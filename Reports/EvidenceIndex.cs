using System.Text;
using System.Text.Json;
using ConvSpecs.Bridge;

namespace ConvSpecs.Reports;

/// <summary>
/// One submission's evidence as one self-contained page, like the grader's report (styles inline, plots as data: URIs,
/// no script): every rule of every feature the submission has evidence for, its status, and each scenario's message,
/// statistics, tables and plots. Rebuilt from the statistics.json files on disk after each scenario, so it also shows
/// what earlier runs measured for the variants this run left alone; a scenario with no file is "not run".
/// </summary>
public static class EvidenceIndex
{
    public const string FileName = "index.html";

    private static readonly Lock WriteLock = new();

    // the specified scenarios, to list the rules that have no evidence yet; Features/ sits next to the assembly
    private static readonly Lazy<IReadOnlyList<Scenario>> Specified = new(() =>
    {
        var features = Path.Combine(AppContext.BaseDirectory, "Features");
        return Directory.Exists(features) ? SpecSuite.Load(features).Scenarios : [];
    });

    /// <summary>Rewrites &lt;folder&gt;/index.html from the evidence below it; returns its path.</summary>
    public static string Write(string folder, string submission)
    {
        lock (WriteLock)
        {
            var path = Path.Combine(folder, FileName);
            var page = Render(submission, Read(folder), Specified.Value);
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, page);
            File.Move(temporary, path, overwrite: true);
            return path;
        }
    }

    /// <summary>Every statistics.json below the folder, with the folder it is in.</summary>
    public static IReadOnlyList<(EvidenceRecord Record, string Folder)> Read(string folder) =>
    [
        .. Directory.EnumerateFiles(folder, "statistics.json", SearchOption.AllDirectories)
            .Select(file => (Record: TryRead(file), Folder: Path.GetDirectoryName(file)!))
            .Where(read => read.Record is not null)
            .Select(read => (read.Record!, read.Folder)),
    ];

    public static string Render(string submission, IReadOnlyList<(EvidenceRecord Record, string Folder)> measured, IReadOnlyList<Scenario> specified)
    {
        var byName = measured.GroupBy(m => (m.Record.Feature, m.Record.Scenario)).ToDictionary(group => group.Key, group => group.First());
        // features in the suite's order (by feature file), any the suite no longer has after them
        var features = measured.Select(m => m.Record.Feature).Distinct()
            .OrderBy(feature => specified.Select(s => s.FeatureName).ToList().IndexOf(feature) is var at and >= 0 ? at : int.MaxValue)
            .ThenBy(feature => feature, StringComparer.Ordinal).ToList();
        // every specified scenario of those features, in feature-file order; then any measured one the features no longer have
        var rows = features.SelectMany(feature =>
        {
            var listed = specified.Where(s => s.FeatureName == feature).Select(s => (Feature: feature, Rule: s.RuleName, s.Name, s.FeatureDescription)).ToList();
            var gone = measured.Where(m => m.Record.Feature == feature && !listed.Any(l => l.Name == m.Record.Scenario))
                .Select(m => (Feature: feature, m.Record.Rule, Name: m.Record.Scenario, FeatureDescription: ""));
            return listed.Concat(gone);
        }).ToList();
        var statuses = rows.Select(row => byName.TryGetValue((row.Feature, row.Name), out var m) ? m.Record.Status : "not run").ToList();

        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append($"<title>Evidence: {Text(submission)}</title><style>{Style}</style></head><body>")
            .Append($"<h1>Evidence: {Text(submission)}</h1>")
            .Append($"<p>{rows.Count} scenarios in {features.Count} features: ")
            .Append(string.Join(", ", new[] { "passed", "failed", "not run" }.Select(s => $"<span class=\"{Css(s)}\">{statuses.Count(x => x == s)} {s}</span>")))
            .Append($". Rewritten {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC after each scenario; each scenario shows when it was measured.</p>");
        // one line per rule, linked to its section
        html.Append("<table class=\"overview\"><thead><tr><th>feature</th><th>rule</th><th>status</th></tr></thead><tbody>");
        foreach (var rule in rows.GroupBy(row => (row.Feature, Rule: row.Rule ?? "")))
        {
            var status = RuleStatus([.. rule.Select(row => byName.TryGetValue((row.Feature, row.Name), out var m) ? m.Record.Status : "not run")]);
            html.Append($"<tr><td><a href=\"#{Id(rule.Key.Feature)}\">{Text(rule.Key.Feature)}</a></td><td>{Text(rule.Key.Rule)}</td><td class=\"{Css(status)}\">{Mark(status)} {status}</td></tr>");
        }
        html.Append("</tbody></table>");

        foreach (var feature in rows.GroupBy(row => row.Feature))
        {
            html.Append($"<h2 id=\"{Id(feature.Key)}\">Feature: {Text(feature.Key)}</h2>");
            if (feature.First().FeatureDescription is { Length: > 0 } description)
                html.Append($"<details><summary>The assignment</summary><p class=\"description\">{Text(description)}</p></details>");
            foreach (var rule in feature.GroupBy(row => row.Rule ?? ""))
            {
                var ruleStatus = RuleStatus(rule.Select(row => byName.TryGetValue((row.Feature, row.Name), out var m) ? m.Record.Status : "not run").ToList());
                html.Append($"<h3 class=\"rule\"><span class=\"chip {Css(ruleStatus)}\">{ruleStatus}</span> Rule: {Text(rule.Key)}</h3>");
                foreach (var row in rule)
                    html.Append(byName.TryGetValue((row.Feature, row.Name), out var m) ? ScenarioHtml(m.Record, m.Folder) : NotRunHtml(row.Name));
            }
        }
        return html.Append("</body></html>").ToString();
    }

    private static string RuleStatus(IReadOnlyList<string> statuses) =>
        statuses.Contains("failed") ? "failed"
        : statuses.All(status => status == "passed") ? "passed"
        : statuses.Contains("passed") ? "partly run"
        : "not run";

    private static string ScenarioHtml(EvidenceRecord record, string folder)
    {
        var html = new StringBuilder($"<div class=\"scenario {Css(record.Status)}\">")
            .Append($"<h4>{Mark(record.Status)} Scenario: {Text(record.Scenario)} <span class=\"where\">({Text(record.Id)})</span></h4>")
            .Append($"<p class=\"meta\">{Text(record.Status)} · seed {record.Seed} · device {Text(record.Device)} · measured {record.Measured:yyyy-MM-dd HH:mm:ss} UTC · <code>{Text(folder)}</code></p>");
        if (record.Error is { Length: > 0 } error) html.Append($"<pre>{Text(error)}</pre>");
        if (record.Statistics.Count > 0)
        {
            // a training run records dozens: folded, so the plots and the next scenario stay in reach
            html.Append(record.Statistics.Count > 12 ? $"<details><summary>{record.Statistics.Count} statistics</summary>" : "");
            html.Append("<table><thead><tr><th>statistic</th><th>value</th><th>unit</th></tr></thead><tbody>");
            foreach (var s in record.Statistics)
                html.Append($"<tr><td>{Text(s.Name)}</td><td class=\"num\">{Text(s.Value)}</td><td>{Text(s.Unit)}</td></tr>");
            html.Append("</tbody></table>").Append(record.Statistics.Count > 12 ? "</details>" : "");
        }
        foreach (var table in record.Tables) html.Append($"<h5>{Text(table.Name)}</h5>").Append(Html.Table(table.Markdown));
        foreach (var plot in record.Plots)
        {
            // only a PNG file directly in the scenario's folder
            var file = Path.Combine(folder, Path.GetFileName(plot));
            if (!plot.EndsWith(".png", StringComparison.Ordinal) || !File.Exists(file)) continue;
            var name = Path.GetFileNameWithoutExtension(plot);
            html.Append(Html.Png(File.ReadAllBytes(file), name));
        }
        return html.Append("</div>").ToString();
    }

    private static string NotRunHtml(string name) =>
        $"<div class=\"scenario notrun\"><h4>– Scenario: {Text(name)}</h4><p class=\"meta\">not run: no evidence yet (run it with ./run-specs.sh)</p></div>";

    private static EvidenceRecord? TryRead(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<EvidenceRecord>(File.ReadAllText(file), EvidenceRecord.Options);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    private static string Mark(string status) => status switch { "passed" => "✓", "failed" => "✗", _ => "–" };

    private static string Css(string status) => status.Replace(" ", "", StringComparison.Ordinal);

    private static string Text(string? text) => Html.Text(text);

    private static string Id(string text) => "feature-" + ScenarioEvidence.Slug(text);

    private const string Style = """
        body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1em 2em;color:#1b1b1b}
        h1{margin-bottom:.2em} h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em} h3.rule{margin:1.4em 0 .3em}
        h4{margin:.2em 0} h5{margin:.6em 0 .2em} .where,.meta{color:#6e7781;font-size:90%;font-weight:normal}
        table{border-collapse:collapse;margin:.5em 0} th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}
        th{background:#f3f3f3} td.num{text-align:right;font-variant-numeric:tabular-nums}
        .passed{color:#1a7f37} .failed{color:#cf222e} .notrun,.partlyrun{color:#6e7781}
        .chip{display:inline-block;border-radius:1em;padding:0 .6em;font-size:80%;border:1px solid currentColor;vertical-align:middle}
        .scenario{border-left:4px solid #ddd;padding:.3em .9em;margin:.8em 0}
        .scenario.passed{border-color:#1a7f37} .scenario.failed{border-color:#cf222e} .scenario.notrun{border-color:#aaa} .scenario>*{color:#1b1b1b}
        pre{background:#f6f8fa;padding:.6em;overflow-x:auto;white-space:pre-wrap}
        figure{display:inline-block;margin:.5em} figure img{max-width:520px;border:1px solid #ddd}
        .description{white-space:pre-wrap;color:#333}
        """;
}
