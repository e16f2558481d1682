using System.Collections.Concurrent;
using System.Reflection;
using ConvSpecs.Bridge;
using ConvSpecs.Drivers;
using ConvSpecs.Drivers.Training;
using ConvSpecs.Models;

namespace ConvSpecs.Suite;

/// <summary>
/// The rules of an experiment's feature that need no training (shapes, layer counts: a forward pass of 2 samples),
/// checked before the experiment trains: a model that fails one is not trained. They are the feature's own scenarios
/// outside the experiment's rule, run here with nothing written to the evidence folder, once per submission as compiled and run.
/// </summary>
public static class StructuralRules
{
    // The models' assembly: each check compiles the folder anew (each save in --watch), and a save must be checked again.
    private sealed record Key(string Submission, Assembly? Models, string Feature, string ExperimentRule, long Seed, string Device);

    private static readonly ConcurrentDictionary<Key, Lazy<IReadOnlyList<ScenarioResult>>> Failures = new();

    /// <summary>Throws <see cref="NotTrained"/> naming each failed rule, what it measured, and that nothing was trained.</summary>
    public static void RequireBeforeTraining(Scenario experiment, Submission submission, RunSettings settings, IReadOnlyList<string> roles)
    {
        var key = new Key(submission.Name, submission.Models.FirstOrDefault()?.Source.Module.Assembly, experiment.FeatureName, experiment.RuleName ?? "", settings.Seed, settings.DeviceRequest);
        var failed = Failures.GetOrAdd(key, _ => new Lazy<IReadOnlyList<ScenarioResult>>(() => Check(experiment, submission, settings))).Value;
        if (failed.Count == 0) return;
        var lines = failed.Select(result => $"- Rule: {result.Scenario.RuleName}; scenario \"{result.Scenario.Name}\": {FirstLine(result.Error)}");
        throw new NotTrained(
            $"Not trained: the \"{string.Join("\" and \"", roles)}\" models must first pass the rules that need no training " +
            $"(checked with a forward pass of 2 images; training would take minutes and measure a network the assignment does not ask for). " +
            $"{failed.Count} of them failed:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}{Environment.NewLine}" +
            "Fix those rules first; then this experiment trains.");
    }

    private static IReadOnlyList<ScenarioResult> Check(Scenario experiment, Submission submission, RunSettings settings)
    {
        // an empty evidence root keeps the checks' evidence in memory: these scenarios publish their own when they run.
        // Their own subject keeps them apart in Reqnroll's reports: under the submission's, the scenario's real run later
        // would be reported as a retry of this one.
        var quiet = settings with { EvidenceRoot = "" };
        var subject = $"{submission.Name}, checked before training";
        return
        [
            .. Specification.Suite.Scenarios
                .Where(scenario => scenario.FeatureName == experiment.FeatureName && scenario.RuleName != experiment.RuleName)
                .Select(scenario => Specification.Suite.Run(scenario, subject, [submission, quiet]))
                .Where(result => !result.Passed),
        ];
    }

    private static string FirstLine(Exception? error) =>
        (error?.Message ?? "failed").ReplaceLineEndings("\n").Split('\n', 2)[0].Trim();
}
