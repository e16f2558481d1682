using ConvSpecs.Bridge;
using ConvSpecs.Drivers;
using ConvSpecs.Models;

namespace ConvSpecs.Suite;

/// <summary>
/// One test per (scenario × submission in Models/). CONVSPECS_VARIANT and CONVSPECS_SUBMISSION narrow
/// the set at discovery (run-specs.sh --variant / --submission).
/// </summary>
public sealed class SubmissionScenariosAttribute : ScenarioDataAttribute
{
    protected override SpecSuite Suite => Specification.Suite;

    protected override IEnumerable<ScenarioCase> GetCases(SpecSuite suite)
    {
        var onlySubmission = Environment.GetEnvironmentVariable("CONVSPECS_SUBMISSION");
        var submissions = SubmissionCatalog.Discover(typeof(SubmissionScenariosAttribute).Assembly)
            .Where(submission => string.IsNullOrEmpty(onlySubmission) || submission.Name == onlySubmission);
        return Specification.Cases(submissions, Environment.GetEnvironmentVariable("CONVSPECS_VARIANT"));
    }
}
