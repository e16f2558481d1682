using System.Reflection;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace ConvSpecs.Bridge;

/// <summary>
/// Supplies a theory with one row <c>(scenario id, subject)</c> per case, each its own test with a stable id.
/// The test looks the scenario up with <see cref="SpecSuite.GetScenario"/>, which throws for the rows that stand
/// for unparsable files, so those rows fail and discovery never does.
/// </summary>
public abstract class ScenarioDataAttribute : DataAttribute
{
    /// <summary>The loaded suite; cache it, the attribute is created more than once.</summary>
    protected abstract SpecSuite Suite { get; }

    /// <summary>The tests to run: which scenarios, against which subjects.</summary>
    /// <param name="suite">The suite from <see cref="Suite"/>.</param>
    protected abstract IEnumerable<ScenarioCase> GetCases(SpecSuite suite);

    /// <inheritdoc/>
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        var suite = Suite;
        var errorRows = suite.Errors.Select(error => error.File).Distinct().Select(file =>
            new TheoryDataRow<string, string>(SpecSuite.ErrorIdPrefix + file, "") { TestDisplayName = $"{file}: does not parse" });
        var caseRows = GetCases(suite).Select(Row);
        return new([.. errorRows.Concat<ITheoryDataRow>(caseRows)]);
    }

    /// <summary>True: rows are enumerated at discovery, so each is its own test.</summary>
    public override bool SupportsDiscoveryEnumeration() => true;

    private static TheoryDataRow<string, string> Row(ScenarioCase @case)
    {
        var scenario = @case.Scenario;
        var subject = @case.Subject.Length == 0 ? "" : $" [{@case.Subject}]";
        var row = new TheoryDataRow<string, string>(scenario.Id, @case.Subject)
        {
            TestDisplayName = $"{scenario.FeatureName}: {scenario.Name}{subject}",
            Skip = scenario.Tags.Contains("ignore") ? $"{scenario.Id} is tagged @ignore" : null,
        };
        row.WithTrait("Feature", scenario.FeatureName);
        foreach (var tag in scenario.Tags)
            row.WithTrait("Category", tag);
        foreach (var (name, value) in @case.Traits ?? new Dictionary<string, string>())
            row.WithTrait(name, value);
        return row;
    }
}
