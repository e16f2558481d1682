using System.Globalization;
using ConvSpecs.Bridge;

namespace ConvSpecs.Grader.Results;

/// <summary>
/// Points and Gradescope visibility from a scenario's tags (inherited from its feature and rule too; the
/// innermost wins): @points:N (default 1), @hidden, @visibility:after_due_date|after_published|visible|hidden.
/// @experiment and @harness scenarios give no points whatever their @points: their status is recorded, informational.
/// </summary>
public static class ScenarioScoring
{
    public const double DefaultPoints = 1;
    public const string DefaultVisibility = "visible";

    /// <summary>A scenario whose checks cannot go either way for a student: it records statistics and plots, and its status.</summary>
    public const string ExperimentTag = "experiment";

    /// <summary>A scenario that checks the suite's own machinery (its training loop), not the student's model.</summary>
    public const string HarnessTag = "harness";

    private static readonly string[] Visibilities = ["hidden", "after_due_date", "after_published", "visible"];

    /// <summary>Whether the scenario's status counts towards the student's score (not an @experiment or @harness check).</summary>
    public static bool IsScored(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return !scenario.Tags.Contains(ExperimentTag) && !scenario.Tags.Contains(HarnessTag);
    }

    /// <summary>What the reports say a scenario is worth: "2 point(s)", "experiment: no points", "harness check: no points".</summary>
    public static string Worth(Scenario scenario) =>
        IsScored(scenario) ? string.Create(CultureInfo.InvariantCulture, $"{Points(scenario):0.##} point(s)")
        : scenario.Tags.Contains(HarnessTag) ? "harness check: no points" : "experiment: no points";

    public static double Points(Scenario scenario)
    {
        if (!IsScored(scenario)) return 0;
        var tag = scenario.Tags.LastOrDefault(tag => tag.StartsWith("points:", StringComparison.Ordinal));
        if (tag is null) return DefaultPoints;
        return double.TryParse(tag["points:".Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out var points) && points >= 0
            ? points
            : throw new InvalidDataException($"{scenario.Id}: @{tag} is not a number of points (write @points:2 or @points:0.5).");
    }

    public static string Visibility(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var tag = scenario.Tags.LastOrDefault(tag => tag == "hidden" || tag.StartsWith("visibility:", StringComparison.Ordinal));
        if (tag is null) return DefaultVisibility;
        var visibility = tag == "hidden" ? "hidden" : tag["visibility:".Length..];
        return Visibilities.Contains(visibility)
            ? visibility
            : throw new InvalidDataException($"{scenario.Id}: @{tag}: visibility is one of {string.Join(", ", Visibilities)}.");
    }
}
