using ConvSpecs.Drivers;
using ConvSpecs.Models;
using Xunit;

namespace ConvSpecs.Suite;

/// <summary>Every scenario of every feature, run against every submission it applies to.</summary>
public sealed class SpecificationTests
{
    private static readonly IReadOnlyList<Submission> Submissions = SubmissionCatalog.Discover(typeof(SpecificationTests).Assembly);

    [Theory, SubmissionScenarios]
    public void Scenario(string scenario, string submission) =>
        Specification.Run(Specification.Suite.GetScenario(scenario), Submissions.Single(candidate => candidate.Name == submission),
            RunSettings.FromEnvironment(), TestContext.Current.TestOutputHelper!.WriteLine).ThrowIfFailed();
}
