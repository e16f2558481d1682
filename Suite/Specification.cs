using ConvSpecs.Bridge;
using ConvSpecs.Drivers;
using ConvSpecs.Models;

namespace ConvSpecs.Suite;

/// <summary>
/// The features and their bindings, and which scenarios apply to which submission: a feature tagged
/// @variantN runs for every submission with a [Variant(N)] model.
/// </summary>
public static class Specification
{
    private static readonly Lazy<SpecSuite> LoadedSuite =
        new(() => SpecSuite.Load(Path.Combine(AppContext.BaseDirectory, "Features"), typeof(Specification).Assembly));

    /// <summary>Features/ as copied next to the assembly, with this assembly's bindings.</summary>
    public static SpecSuite Suite => LoadedSuite.Value;

    /// <summary>The variant a scenario belongs to, from its @variantN tag; null for none.</summary>
    public static int? VariantOf(Scenario scenario) =>
        scenario.Tags.Where(tag => tag.StartsWith("variant", StringComparison.Ordinal))
            .Select(tag => int.TryParse(tag["variant".Length..], out var number) ? number : (int?)null)
            .FirstOrDefault(number => number is not null);

    public static IEnumerable<ScenarioCase> Cases(IEnumerable<Submission> submissions, int? onlyVariant = null) =>
        from submission in submissions
        from scenario in Suite.Scenarios
        let variant = VariantOf(scenario)
        where variant is not null && submission.Variants.Contains(variant.Value) && (onlyVariant is null || onlyVariant == variant)
        select new ScenarioCase(scenario, submission.Name, new Dictionary<string, string>
        {
            ["Variant"] = variant.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Submission"] = submission.Name,
        });

    /// <summary>Runs one scenario against one submission, with a fresh context and the run's seed and device.</summary>
    public static ScenarioResult Run(Scenario scenario, Submission submission, RunSettings settings, Action<string>? output = null) =>
        Suite.Run(scenario, [submission, settings], output);

    /// <summary>Finds a scenario by its name and the feature it is in ("Variant 2").</summary>
    public static Scenario Find(string feature, string name) =>
        Suite.Scenarios.SingleOrDefault(scenario => scenario.FeatureName == feature && scenario.Name == name)
        ?? throw new ArgumentException($"No scenario '{name}' in feature '{feature}'.", nameof(name));
}
