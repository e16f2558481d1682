using ConvSpecs.Bridge;
using ConvSpecs.Drivers;
using ConvSpecs.Models;

namespace ConvSpecs.Suite;

/// <summary>
/// The features and their bindings, and which scenarios apply to which submission: a feature tagged
/// @variantN (or @pooling) runs for every submission with a model for that task.
/// </summary>
public static class Specification
{
    private static readonly Lazy<SpecSuite> LoadedSuite =
        new(() => SpecSuite.Load(Path.Combine(AppContext.BaseDirectory, "Features"), typeof(Specification).Assembly));

    /// <summary>Features/ as copied next to the assembly, with this assembly's bindings.</summary>
    public static SpecSuite Suite => LoadedSuite.Value;

    /// <summary>
    /// Each scenario for each submission that attempted its task. The trait Variant is the variant's
    /// number ("2") or the task's name ("pooling"); <paramref name="only"/> keeps one such value.
    /// </summary>
    public static IEnumerable<ScenarioCase> Cases(IEnumerable<Submission> submissions, string? only = null) =>
        from submission in submissions
        from scenario in Suite.Scenarios
        let task = TaskOf(scenario)
        where task is not null && submission.Tasks.Contains(task)
        let variant = VariantOf(scenario)!
        where string.IsNullOrEmpty(only) || only == variant
        select new ScenarioCase(scenario, submission.Name, new Dictionary<string, string>
        {
            ["Variant"] = variant,
            ["Submission"] = submission.Name,
        });

    /// <summary>The task a scenario belongs to, from its tags: variant1 … variant6 or pooling; null for none.</summary>
    public static string? TaskOf(Scenario scenario) =>
        scenario.Tags.FirstOrDefault(tag => tag == ModelRoles.PoolingTask || tag.StartsWith("variant", StringComparison.Ordinal) && tag.Length > "variant".Length && tag["variant".Length..].All(char.IsAsciiDigit));

    /// <summary>How results and traits name a scenario's task: the variant's number ("2") or the task ("pooling").</summary>
    public static string? VariantOf(Scenario scenario) =>
        TaskOf(scenario) is { } task && task.StartsWith("variant", StringComparison.Ordinal) ? task["variant".Length..] : TaskOf(scenario);

    /// <summary>Runs one scenario against one submission, with a fresh context and the run's seed and device.</summary>
    public static ScenarioResult Run(Scenario scenario, Submission submission, RunSettings settings, Action<string>? output = null) =>
        Suite.Run(scenario, submission.Name, [submission, settings], output);

    /// <summary>Finds a scenario by its name and the feature it is in ("Variant 2").</summary>
    public static Scenario Find(string feature, string name) =>
        Suite.Scenarios.SingleOrDefault(scenario => scenario.FeatureName == feature && scenario.Name == name)
        ?? throw new ArgumentException($"No scenario '{name}' in feature '{feature}'.", nameof(name));
}
