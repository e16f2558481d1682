using System.Text.Json;
using System.Text.RegularExpressions;
using ConvSpecs.Bridge;

namespace ConvSpecs.Grader.Check;

/// <summary>
/// The console of a check: per variant, one ✓/✗ line per rule with what was measured; a failure adds the specs' plain
/// sentence and the student's own frames. Nothing of the runner: no step listing, no stack of the test library.
/// </summary>
public sealed partial class RuleLines(TextWriter console)
{
    private const int MeasuredShown = 2;
    private const int ValueWidth = 70;

    /// <summary>One scenario's run, with the statistics it recorded (from its evidence) and the student's frames.</summary>
    public sealed record Outcome(Scenario Scenario, ScenarioResult Result, IReadOnlyList<(string Name, string Value, string Unit)> Measured, IReadOnlyList<string> Frames);

    public void Variant(string student, string variant) =>
        console.WriteLine($"{student} · {(variant == "pooling" ? "the pooling task" : $"variant {variant}")}");

    /// <summary>The rule's line; a rule with several scenarios (an experiment, an outline) gets one indented line each under it.</summary>
    public void Rule(string rule, IReadOnlyList<Outcome> outcomes)
    {
        var passed = outcomes.All(outcome => outcome.Result.Passed);
        if (outcomes.Count == 1)
        {
            Line("  ", passed, rule, outcomes[0]);
            return;
        }
        console.WriteLine($"  {Mark(passed)} {rule} ({outcomes.Count(outcome => outcome.Result.Passed)} of {outcomes.Count} checks passed)");
        foreach (var outcome in outcomes) Line("      ", outcome.Result.Passed, outcome.Scenario.Name, outcome);
    }

    private void Line(string indent, bool passed, string title, Outcome outcome)
    {
        var measured = outcome.Measured.Where(statistic => statistic.Name is not ("model" or "control" or "padding=1 twin" or "why")
                && !(statistic.Name == "functional calls in forward" && statistic.Value == "none"))
            .Take(MeasuredShown).Select(statistic => $"{statistic.Name} {Shorten($"{statistic.Value} {statistic.Unit}".Trim())}").ToList();
        console.WriteLine($"{indent}{Mark(passed)} {title}{(measured.Count > 0 ? $" — measured: {string.Join("; ", measured)}" : "")}");
        if (passed) return;
        foreach (var sentence in Why(outcome.Result)) console.WriteLine($"{indent}    {sentence}");
        if (outcome.Frames.Count > 0) console.WriteLine($"{indent}    in your code: {string.Join(" ← ", outcome.Frames)}");
    }

    /// <summary>The specs' message, without the feature/rule/scenario header the test output repeats.</summary>
    private static IEnumerable<string> Why(ScenarioResult result)
    {
        if (result.Error is null) return [$"{result.Outcome} at {result.FailedAt}."];
        var message = result.Error.Message.ReplaceLineEndings("\n").Trim();
        return message.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Trim()).Take(6);
    }

    public static string Mark(bool passed) => passed ? "✓" : "✗";

    private static string Shorten(string text) => text.Length <= ValueWidth ? text : text[..(ValueWidth - 1)] + "…";

    /// <summary>The statistics a scenario recorded, read back from the statistics.json its evidence wrote.</summary>
    public static IReadOnlyList<(string Name, string Value, string Unit)> ReadMeasured(string? evidenceFolder)
    {
        var path = evidenceFolder is null ? null : Path.Combine(evidenceFolder, "statistics.json");
        if (path is null || !File.Exists(path)) return [];
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.TryGetProperty("statistics", out var statistics)
            ? [.. statistics.EnumerateArray().Select(statistic => (Text(statistic, "name"), Text(statistic, "value"), Text(statistic, "unit")))]
            : [];
    }

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.ToString() : "";
}
