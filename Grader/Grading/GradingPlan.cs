using ConvSpecs.Bridge;
using ConvSpecs.Suite;

namespace ConvSpecs.Grader.Grading;

/// <summary>The scenarios a student is graded on: every scenario of each variant the student attempts, in the features' order.</summary>
public static class GradingPlan
{
    /// <summary>Each scenario with its number in the results ("2.3": variant 2's third scenario).</summary>
    public static IReadOnlyList<(string Number, Scenario Scenario)> For(IReadOnlyList<string> variants, string? onlyVariant) =>
        [.. Specification.Suite.Scenarios
            .Select(scenario => (Scenario: scenario, Variant: Specification.VariantOf(scenario)))
            .Where(item => item.Variant is { } variant && variants.Contains(variant) && (onlyVariant is null || onlyVariant == variant)
                           && !item.Scenario.Tags.Contains("ignore"))
            .GroupBy(item => item.Variant!)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .SelectMany(group => group.Select((item, position) => ($"{group.Key}.{position + 1}", item.Scenario)))];
}
