using ConvSpecs.Bridge.Tests.Support;
using FluentAssertions;

namespace ConvSpecs.Bridge.Tests;

/// <summary>Each subject's runs of a feature are their own document in Reqnroll's reports (Cucumber messages, HTML).</summary>
public sealed class FeatureDocumentTests
{
    private readonly Scenario scenario = Fixtures.Good.Named("Add two numbers");

    [Fact]
    public void EachSubjectGetsItsOwnFeatureInfoTheSameObjectEveryTime()
    {
        var pocket = scenario.Feature.InfoFor("pocket");

        scenario.Feature.InfoFor("pocket").Should().BeSameAs(pocket, "Reqnroll compares FeatureInfos by reference");
        scenario.Feature.InfoFor("desk").Should().NotBeSameAs(pocket);
        pocket.Title.Should().Be("Calculator");
    }

    [Fact]
    public void EachSubjectsDocumentNamesItAndItsIdsAreUniqueInTheRun()
    {
        var pocket = scenario.Feature.DocumentFor("pocket");
        var desk = scenario.Feature.DocumentFor("desk");

        pocket.GherkinDocument.Uri.Should().Be("Good/Arithmetic/calculator.feature [pocket]");
        desk.Source.Uri.Should().Be("Good/Arithmetic/calculator.feature [desk]");
        var ids = pocket.Pickles.Concat(desk.Pickles).SelectMany(pickle => pickle.Steps.Select(step => step.Id).Append(pickle.Id)).ToList();
        ids.Should().OnlyHaveUniqueItems("the formatters need ids unique across every document of the run");
        pocket.Pickles.Select(pickle => pickle.Name).Should().Equal(desk.Pickles.Select(pickle => pickle.Name));
    }
}
