using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConvSpecs.Bridge;
using ConvSpecs.Drivers;
using ConvSpecs.Drivers.Training;
using ConvSpecs.Models;
using ScottPlot;
using Reqnroll;

namespace ConvSpecs.Reports;

/// <summary>
/// What one scenario measured: statistics, tables and plots. Published after the scenario, pass or
/// fail: written under &lt;evidence&gt;/&lt;submission&gt;/&lt;feature&gt;/&lt;scenario&gt;/, attached to the
/// scenario (Reqnroll's report and the xUnit test), the statistics printed in the test output, and the submission's index.html rewritten.
/// An empty evidence root keeps everything in memory (the structural pre-check of training runs scenarios that way).
/// </summary>
public sealed partial class ScenarioEvidence(Scenario scenario, IReqnrollOutputHelper output, Submission submission, RunSettings settings)
{
    // submission × feature folders this process has emptied: the first scenario of a feature to write replaces the
    // feature's evidence from earlier runs, and leaves the other features' (running variant 6 keeps the plots of 1–5)
    private static readonly ConcurrentDictionary<string, Lazy<bool>> EmptiedFeatures = new();

    private readonly List<Statistic> statistics = [];
    private readonly List<(string Name, string Markdown)> tables = [];
    private readonly List<string> plots = [];
    private bool folderReady;

    public string Folder { get; } = FolderOf(settings, submission.Name, scenario);

    /// <summary>Where a scenario's evidence goes: &lt;evidence&gt;/&lt;submission&gt;/&lt;feature&gt;/&lt;scenario&gt;/.</summary>
    public static string FolderOf(RunSettings settings, string submission, Scenario scenario) =>
        Path.Combine(settings.EvidenceRoot, Slug(submission), Slug(scenario.FeatureName), Slug(scenario.Name));

    /// <summary>The submission's browsable page of every rule: &lt;evidence&gt;/&lt;submission&gt;/index.html.</summary>
    public string IndexPath => Path.Combine(settings.EvidenceRoot, Slug(submission.Name), EvidenceIndex.FileName);

    /// <summary>The device the scenario ran on, once resolved.</summary>
    public string Device { get; set; } = settings.DeviceRequest;

    public IReadOnlyList<Statistic> Statistics => statistics;

    private bool KeepsFiles => settings.EvidenceRoot.Length > 0;

    public void Record(string name, double value, string unit = "") => statistics.Add(Statistic.Of(name, value, unit));

    public void Record(string name, string value, string unit = "") => statistics.Add(new Statistic(name, value, unit));

    public void AddTable(string name, string markdown) => tables.Add((name, markdown));

    /// <summary>Saves the plot as &lt;name&gt;.png in the scenario's folder and attaches it to the step that drew it.</summary>
    public void AddPlot(string name, Plot plot)
    {
        plots.Add(name);
        if (!KeepsFiles) return;
        PrepareFolder();
        var file = Path.Combine(Folder, $"{name}.png");
        plot.SavePng(file, 800, 500);
        // Reqnroll puts the file into its Cucumber messages and HTML report, and the bridge gives it to the running xUnit test
        output.AddAttachment(file);
    }

    /// <summary>Writes statistics.md and statistics.json (every scenario, so the index knows each one's status) and the index.</summary>
    public void Publish(Exception? error)
    {
        var report = Markdown(error);
        if (KeepsFiles)
        {
            PrepareFolder();
            File.WriteAllText(Path.Combine(Folder, "statistics.md"), report);
            File.WriteAllText(Path.Combine(Folder, "statistics.json"), Json(error));
            EvidenceIndex.Write(Path.GetDirectoryName(IndexPath)!, submission.Name);
        }
        if (statistics.Count == 0 && tables.Count == 0 && plots.Count == 0 && error is null) return;
        output.WriteLine("");
        output.WriteLine(report);
        if (KeepsFiles) output.WriteLine($"Evidence: {Folder} (every rule: {IndexPath})");
        if (KeepsFiles) output.AddAttachment(Path.Combine(Folder, "statistics.md"));
    }

    /// <summary>"not run" when the scenario stopped before measuring because something it needs failed first.</summary>
    public static string Status(Exception? error) => error switch
    {
        null => "passed",
        NotTrained => "not run",
        _ => "failed",
    };

    private void PrepareFolder()
    {
        if (folderReady) return;
        var feature = Path.GetDirectoryName(Folder)!;
        _ = EmptiedFeatures.GetOrAdd(feature, folder => new Lazy<bool>(() => DeleteIfPresent(folder))).Value;
        // this scenario's own files from an earlier run in this process (a watch loop): plots may have other names now
        DeleteIfPresent(Folder);
        Directory.CreateDirectory(Folder);
        folderReady = true;
    }

    private static bool DeleteIfPresent(string folder)
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        return true;
    }

    private string Markdown(Exception? error)
    {
        var text = new StringBuilder()
            .AppendLine($"## {scenario.FeatureName}: {scenario.Name} [{submission.Name}]")
            .AppendLine()
            .AppendLine($"seed {settings.Seed} · device {Device} · {Status(error)}")
            .AppendLine();
        if (statistics.Count > 0) text.AppendLine(StatisticsTable.Render(statistics)).AppendLine();
        foreach (var (name, markdown) in tables) text.AppendLine($"### {name}").AppendLine().AppendLine(markdown).AppendLine();
        foreach (var plot in plots) text.AppendLine($"![{plot}]({plot}.png)");
        return text.ToString().TrimEnd() + Environment.NewLine;
    }

    private string Json(Exception? error) => JsonSerializer.Serialize(new EvidenceRecord
    {
        Feature = scenario.FeatureName,
        Rule = scenario.RuleName,
        Scenario = scenario.Name,
        Id = scenario.Id,
        Submission = submission.Name,
        Seed = settings.Seed,
        Device = Device,
        Measured = DateTime.UtcNow,
        Passed = error is null,
        Status = Status(error),
        Error = error?.Message,
        Statistics = [.. statistics.Select(s => new EvidenceRecord.Measure(s.Name, s.Value, s.Unit))],
        Tables = [.. tables.Select(table => new EvidenceRecord.Table(table.Name, table.Markdown))],
        Plots = [.. plots.Select(plot => $"{plot}.png")],
    }, EvidenceRecord.Options);

    /// <summary>How folder names are made from submission, feature and scenario names.</summary>
    public static string Slug(string text) => NotWordCharacters().Replace(text.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NotWordCharacters();
}
