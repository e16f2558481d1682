using System.Globalization;
using ConvSpecs.Bridge;
using ConvSpecs.Suite;

namespace ConvSpecs.Grader.Grading;

/// <summary>The scenarios a student is graded on: every scenario of each variant the student attempts, in the features' order.</summary>
public static class GradingPlan
{
    public static IReadOnlyList<(string Number, Scenario Scenario)> For(IReadOnlyList<int> variants, int? onlyVariant) =>
        [.. Specification.Suite.Scenarios
            .Select(scenario => (Scenario: scenario, Variant: Specification.VariantOf(scenario)))
            .Where(item => item.Variant is { } variant && variants.Contains(variant) && (onlyVariant is null || onlyVariant == variant)
                           && !item.Scenario.Tags.Contains("ignore"))
            .GroupBy(item => item.Variant!.Value)
            .OrderBy(group => group.Key)
            .SelectMany(group => group.Select((item, position) =>
                (string.Create(CultureInfo.InvariantCulture, $"{group.Key}.{position + 1}"), item.Scenario)))];
}
