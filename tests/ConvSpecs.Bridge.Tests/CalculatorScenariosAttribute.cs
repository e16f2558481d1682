using ConvSpecs.Bridge.Tests.Support;

namespace ConvSpecs.Bridge.Tests;

/// <summary>Every scenario of Features/Good against two calculator brands, as the domain's data attribute would do.</summary>
public sealed class CalculatorScenariosAttribute : ScenarioDataAttribute
{
    public static readonly string[] Brands = ["pocket", "desk"];

    protected override SpecSuite Suite => Fixtures.Good;

    protected override IEnumerable<ScenarioCase> GetCases(SpecSuite suite) =>
        from scenario in suite.Scenarios
        from brand in Brands
        select new ScenarioCase(scenario, brand, new Dictionary<string, string> { ["Subject"] = brand });
}
