using System.Globalization;
using ConvSpecs.Bridge;

namespace ConvSpecs.Grader.Results;

/// <summary>
/// Points and Gradescope visibility from a scenario's tags (inherited from its feature and rule too; the
/// innermost wins): @points:N (default 1), @hidden, @visibility:after_due_date|after_published|visible|hidden.
/// </summary>
public static class ScenarioScoring
{
    public const double DefaultPoints = 1;
    public const string DefaultVisibility = "visible";

    private static readonly string[] Visibilities = ["hidden", "after_due_date", "after_published", "visible"];

    public static double Points(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
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
