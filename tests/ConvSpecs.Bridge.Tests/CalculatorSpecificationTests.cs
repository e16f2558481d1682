using ConvSpecs.Bridge.Tests.Domain;
using ConvSpecs.Bridge.Tests.Support;

namespace ConvSpecs.Bridge.Tests;

/// <summary>The Good fixtures run end to end as xUnit tests, one per scenario and brand.</summary>
public sealed class CalculatorSpecificationTests
{
    [Theory]
    [CalculatorScenarios]
    public void ScenarioPasses(string scenarioId, string brand)
    {
        var scenario = Fixtures.Good.GetScenario(scenarioId);

        var result = Fixtures.Good.Run(scenario, brand, [new Brand(brand), new Journal()], TestContext.Current.TestOutputHelper!.WriteLine);

        result.ThrowIfFailed();
    }
}
