using ConvSpecs.Bridge;
using ConvSpecs.Grader.Results;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Grader.Tests;

public sealed class ScenarioScoringTests
{
    [Fact]
    public void AnUntaggedScenarioIsWorthOneVisiblePoint()
    {
        var scenario = Tagged("variant2");

        (ScenarioScoring.Points(scenario), ScenarioScoring.Visibility(scenario)).Should().Be((1.0, "visible"));
    }

    [Fact]
    public void TheInnermostPointsTagWins()
    {
        var scenario = Tagged("points:2", "variant2", "points:0.5");

        ScenarioScoring.Points(scenario).Should().Be(0.5);
    }

    [Theory]
    [InlineData("experiment", "experiment: no points")]
    [InlineData("harness", "harness check: no points")]
    public void ExperimentsAndHarnessChecksGiveNoPointsWhateverTheirPointsTag(string tag, string worth)
    {
        var scenario = Tagged("points:2", "variant2", tag);

        (ScenarioScoring.IsScored(scenario), ScenarioScoring.Points(scenario), ScenarioScoring.Worth(scenario)).Should().Be((false, 0.0, worth));
        ScenarioScoring.Worth(Tagged("points:2")).Should().Be("2 point(s)");
    }

    [Theory]
    [InlineData("hidden", "hidden")]
    [InlineData("visibility:after_due_date", "after_due_date")]
    [InlineData("visibility:after_published", "after_published")]
    public void VisibilityComesFromItsTag(string tag, string expected)
    {
        var scenario = Tagged(tag);

        ScenarioScoring.Visibility(scenario).Should().Be(expected);
    }

    [Fact]
    public void AMalformedTagNamesTheScenarioAndTheFix()
    {
        var points = () => ScenarioScoring.Points(Tagged("points:two"));
        var visibility = () => ScenarioScoring.Visibility(Tagged("visibility:soon"));

        points.Should().Throw<InvalidDataException>().WithMessage("variant2.feature:7: @points:two is not a number of points*");
        visibility.Should().Throw<InvalidDataException>().WithMessage("variant2.feature:7: @visibility:soon: visibility is one of hidden, after_due_date*");
    }

    private static Scenario Tagged(params string[] tags) => new("Variant 2", "", null, "A scenario", tags, [], "variant2.feature", 7);
}
