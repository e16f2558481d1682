using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConvSpecs.Bridge;
using ConvSpecs.Drivers;
using ConvSpecs.Models;
using ScottPlot;
using Xunit;

namespace ConvSpecs.Reports;

/// <summary>
/// What one scenario measured: statistics, tables and plots. Published after the scenario, pass or
/// fail: written under &lt;evidence&gt;/&lt;submission&gt;/&lt;feature&gt;/&lt;scenario&gt;/, attached to the
/// xUnit test, and the statistics printed in the test output.
/// </summary>
public sealed partial class ScenarioEvidence(ScenarioContext scenario, Submission submission, RunSettings settings)
{
    private readonly List<Statistic> statistics = [];
    private readonly List<(string Name, string Markdown)> tables = [];
    private readonly List<string> plots = [];

    public string Folder { get; } = Path.Combine(settings.EvidenceRoot, Slug(submission.Name),
        Slug(scenario.ScenarioInfo.FeatureName), Slug(scenario.ScenarioInfo.Name));

    /// <summary>The device the scenario ran on, once resolved.</summary>
    public string Device { get; set; } = settings.DeviceRequest;

    public IReadOnlyList<Statistic> Statistics => statistics;

    public void Record(string name, double value, string unit = "") => statistics.Add(Statistic.Of(name, value, unit));

    public void Record(string name, string value, string unit = "") => statistics.Add(new Statistic(name, value, unit));

    public void AddTable(string name, string markdown) => tables.Add((name, markdown));

    /// <summary>Saves the plot as &lt;name&gt;.png in the scenario's folder.</summary>
    public void AddPlot(string name, Plot plot)
    {
        Directory.CreateDirectory(Folder);
        plot.SavePng(Path.Combine(Folder, $"{name}.png"), 800, 500);
        plots.Add(name);
    }

    public void Publish(Exception? error)
    {
        if (statistics.Count == 0 && tables.Count == 0 && plots.Count == 0 && error is null) return;
        Directory.CreateDirectory(Folder);
        var report = Markdown(error);
        File.WriteAllText(Path.Combine(Folder, "statistics.md"), report);
        File.WriteAllText(Path.Combine(Folder, "statistics.json"), Json(error));
        scenario.WriteLine("");
        scenario.WriteLine(report);
        scenario.WriteLine($"Evidence: {Folder}");
        Attach(report);
    }

    private string Markdown(Exception? error)
    {
        var text = new StringBuilder()
            .AppendLine($"## {scenario.ScenarioInfo.FeatureName}: {scenario.ScenarioInfo.Name} [{submission.Name}]")
            .AppendLine()
            .AppendLine($"seed {settings.Seed} · device {Device} · {(error is null ? "passed" : "failed")}")
            .AppendLine();
        if (statistics.Count > 0) text.AppendLine(StatisticsTable.Render(statistics)).AppendLine();
        foreach (var (name, markdown) in tables) text.AppendLine($"### {name}").AppendLine().AppendLine(markdown).AppendLine();
        foreach (var plot in plots) text.AppendLine($"![{plot}]({plot}.png)");
        return text.ToString().TrimEnd() + Environment.NewLine;
    }

    private string Json(Exception? error) => JsonSerializer.Serialize(new
    {
        feature = scenario.ScenarioInfo.FeatureName,
        scenario = scenario.ScenarioInfo.Name,
        submission = submission.Name,
        seed = settings.Seed,
        device = Device,
        passed = error is null,
        error = error?.Message,
        statistics = statistics.Select(s => new { name = s.Name, value = s.Value, unit = s.Unit }),
        plots = plots.Select(plot => $"{plot}.png"),
    }, JsonOptions);

    private void Attach(string report)
    {
        // Outside a running xUnit test (a tool calling the specs) there is nothing to attach to.
        // Names carry the submission and scenario: one test may run several scenarios (the project's own tests do).
        if (TestContext.Current.Test is null) return;
        var prefix = $"{Slug(submission.Name)}.{Slug(scenario.ScenarioInfo.Name)}";
        TestContext.Current.AddAttachment($"{prefix}.statistics.md", report);
        foreach (var plot in plots)
            TestContext.Current.AddAttachment($"{prefix}.{plot}.png", File.ReadAllBytes(Path.Combine(Folder, $"{plot}.png")), "image/png");
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private static string Slug(string text) => NotWordCharacters().Replace(text.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NotWordCharacters();
}
