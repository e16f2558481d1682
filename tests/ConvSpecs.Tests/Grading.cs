using ConvSpecs.Bridge;
using ConvSpecs.Drivers;
using ConvSpecs.Models;
using ConvSpecs.Suite;
using Xunit;

namespace ConvSpecs.Tests;

/// <summary>Runs the real features against the submissions compiled into this test assembly (examples/, Fixtures/).</summary>
internal static class Grading
{
    private static readonly IReadOnlyList<Submission> Submissions = SubmissionCatalog.Discover(typeof(Grading).Assembly);

    /// <summary>Evidence goes to a folder of this test run, not into the repository's.</summary>
    public static readonly RunSettings Settings = RunSettings.FromEnvironment() with
    {
        EvidenceRoot = Path.Combine(Path.GetTempPath(), "convspecs-tests", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    };

    public static Submission Submission(string name) => Submissions.Single(submission => submission.Name == name);

    public static ScenarioResult Run(string submission, string feature, string scenario) =>
        Specification.Run(Specification.Find(feature, scenario), Submission(submission), Settings, TestContext.Current.TestOutputHelper!.WriteLine);

    /// <summary>Every scenario of a feature (or those <paramref name="which"/> keeps) against a submission: scenario name → passed.</summary>
    public static IReadOnlyDictionary<string, bool> Verdicts(string submission, string feature, Func<Scenario, bool>? which = null) =>
        Specification.Suite.Scenarios.Where(scenario => scenario.FeatureName == feature && (which?.Invoke(scenario) ?? true))
            .ToDictionary(scenario => scenario.Name, scenario => Specification.Run(scenario, Submission(submission), Settings).Passed);

    public static string Message(ScenarioResult result) => new ScenarioFailedException(result).Message;

    public static string EvidenceFile(string submission, string feature, string scenario) =>
        Directory.EnumerateFiles(Settings.EvidenceRoot, "statistics.md", SearchOption.AllDirectories)
            .Single(path => File.ReadAllText(path).StartsWith($"## {feature}: {scenario} [{submission}]", StringComparison.Ordinal));
}
