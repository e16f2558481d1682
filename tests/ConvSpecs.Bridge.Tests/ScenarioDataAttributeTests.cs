using ConvSpecs.Bridge.Tests.Support;
using FluentAssertions;
using Xunit.Sdk;

namespace ConvSpecs.Bridge.Tests;

public sealed class ScenarioDataAttributeTests
{
    [Fact]
    public async Task EveryCaseIsARowOfScenarioIdAndSubject()
    {
        var rows = await Rows(new CalculatorScenariosAttribute());

        rows.Select(row => row.GetData()).Should().HaveCount(Fixtures.Good.Scenarios.Count * 2)
            .And.ContainEquivalentOf(new object[] { "Arithmetic/calculator.feature:18", "desk" });
    }

    [Fact]
    public async Task RowIsNamedByFeatureScenarioAndSubject()
    {
        var rows = await Rows(new CalculatorScenariosAttribute());

        rows.Select(row => row.TestDisplayName).Should().Contain(["Calculator: Add 1 and 2 [pocket]", "Калькулятор по-русски: Сложить два числа [desk]"]);
    }

    [Fact]
    public async Task RowCarriesTagsAsCategoriesTheFeatureAndTheExtraTraits()
    {
        var rows = await Rows(new CalculatorScenariosAttribute());

        var row = rows.Single(row => row.TestDisplayName == "Calculator: Add 1 and 2 [pocket]");

        row.Traits.Should().BeEquivalentTo(new Dictionary<string, HashSet<string>>
        {
            ["Category"] = ["calculator", "pairs"],
            ["Feature"] = ["Calculator"],
            ["Subject"] = ["pocket"],
        });
    }

    [Fact]
    public async Task ScenarioTaggedIgnoreIsSkipped()
    {
        var rows = await Rows(new CalculatorScenariosAttribute());

        rows.Where(row => row.Skip is not null).Select(row => (row.TestDisplayName, row.Skip)).Should().Equal(
            ("Calculator: Divide by zero [pocket]", "Arithmetic/calculator.feature:10 is tagged @ignore"),
            ("Calculator: Divide by zero [desk]", "Arithmetic/calculator.feature:10 is tagged @ignore"));
    }

    [Fact]
    public async Task FileThatDoesNotParseBecomesARowWhoseScenarioCannotBeLookedUp()
    {
        var rows = await Rows(new BrokenScenariosAttribute());

        var errorRow = rows[0];

        errorRow.GetData().Should().Equal("error:unparsable.feature", "");
        errorRow.TestDisplayName.Should().Be("unparsable.feature: does not parse");
        Fixtures.Broken.Invoking(suite => suite.GetScenario("error:unparsable.feature")).Should().Throw<InvalidDataException>();
        rows.Should().HaveCount(1 + Fixtures.Broken.Scenarios.Count);
    }

    [Fact]
    public void RowsAreEnumeratedAtDiscovery()
    {
        var attribute = new CalculatorScenariosAttribute();

        var supported = attribute.SupportsDiscoveryEnumeration();

        supported.Should().BeTrue();
    }

    private static async Task<IReadOnlyList<Xunit.ITheoryDataRow>> Rows(ScenarioDataAttribute attribute) =>
        [.. await attribute.GetData(typeof(ScenarioDataAttributeTests).GetMethod(nameof(RowsAreEnumeratedAtDiscovery))!, new DisposalTracker())];

    private sealed class BrokenScenariosAttribute : ScenarioDataAttribute
    {
        protected override SpecSuite Suite => Fixtures.Broken;

        protected override IEnumerable<ScenarioCase> GetCases(SpecSuite suite) =>
            suite.Scenarios.Select(scenario => new ScenarioCase(scenario, ""));
    }
}
