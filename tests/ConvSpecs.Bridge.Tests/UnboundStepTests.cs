using ConvSpecs.Bridge.Tests.Support;
using FluentAssertions;

namespace ConvSpecs.Bridge.Tests;

public sealed class UnboundStepTests
{
    [Fact]
    public void FileThatDoesNotParseBecomesAnErrorWithFileLineAndColumn()
    {
        var suite = Fixtures.Broken;

        var error = suite.Errors.Should().ContainSingle().Which;

        error.ToString().Should().StartWith("unparsable.feature:4:3: expected: ").And.EndWith("got 'This line is not Gherkin'");
        suite.Scenarios.Select(scenario => scenario.File).Should().OnlyContain(file => file == "unbound.feature");
    }

    [Fact]
    public void FindUnboundStepsReportsParseErrorsUndefinedAndAmbiguousStepsWithoutRunningThem()
    {
        var problems = Fixtures.Broken.FindUnboundSteps();

        problems.Select(problem => (problem.Kind, problem.File, problem.Line, problem.Step)).Should().Equal(
            (StepProblemKind.ParseError, "unparsable.feature", 4, ""),
            (StepProblemKind.Undefined, "unbound.feature", 5, "Given the calculator has 3 \"red\" buttons and 2.5 knobs (at most)"),
            (StepProblemKind.Ambiguous, "unbound.feature", 8, "When an ambiguous step runs"),
            (StepProblemKind.Ambiguous, "unbound.feature", 14, "Given a step bound only in scenarios tagged lit"));
    }

    [Fact]
    public void AStepIsCheckedInEveryScenarioThatUsesItSinceABindingsScopeMayLeaveOneOut()
    {
        var problems = Fixtures.Broken.FindUnboundSteps();

        // the outline's row under @lit is bound, the row without it is not: reported once, for that row
        problems.Should().ContainSingle(problem => problem.Line == 14).Which.Message.Should().Be(
            "\"Given a step bound only in scenarios tagged lit\" matches ScopedSteps.BoundUnderTheTag [Given(\"a step bound only in scenarios tagged lit\")], but scoped to other tags, features or scenarios than \"A step bound only under a tag, used under it and without it\".");
    }

    [Fact]
    public void UndefinedStepComesWithAReqnrollSnippetReadyToPaste()
    {
        var problem = Fixtures.Broken.FindUnboundSteps().Single(p => p.Line == 5);

        problem.ToString().Should().StartWith("unbound.feature:5: \"Given the calculator has 3 \"red\" buttons and 2.5 knobs (at most)\" has no binding. Reqnroll suggests:")
            .And.Contain("[Given(\"the calculator has {int} {string} buttons and {float} knobs \\(at most\\)\")]")
            .And.Contain("public void GivenTheCalculatorHasButtonsAndKnobsAtMost(int p0, string red, Decimal p2)")
            .And.Contain("throw new PendingStepException();");
    }

    [Fact]
    public void TheSnippetIsTheSameHoweverOftenTheStepIsChecked()
    {
        string Snippet() => Fixtures.Broken.FindUnboundSteps().Single(p => p.Line == 5).Message;

        var snippets = new[] { Snippet(), Snippet() };

        // Reqnroll's own analyzer named the parameter red the first time and red1 ever after
        snippets.Should().AllSatisfy(snippet => snippet.Should().Contain("(int p0, string red, Decimal p2)"));
    }

    [Fact]
    public void AmbiguousStepNamesEveryBindingWithItsPattern()
    {
        var problem = Fixtures.Broken.FindUnboundSteps().First(p => p.Kind == StepProblemKind.Ambiguous);

        problem.Message.Should().Be("\"When an ambiguous step runs\" matches 2 bindings: AmbiguousSteps.Exact [When(\"an ambiguous step runs\")]; AmbiguousSteps.WithWord [When(\"an ambiguous {word} runs\")].");
    }

    [Fact]
    public void StarStepFirstInAScenarioIsAGivenAsInReqnroll()
    {
        var problems = Fixtures.Broken.FindUnboundSteps();

        problems.Should().NotContain(problem => problem.Step == "* the display shows 0");
    }

    [Theory]
    [InlineData("Good")]
    [InlineData("Failing")]
    public void WellFormedFixturesHaveNoUnboundSteps(string folder)
    {
        var suite = Fixtures.Load(folder);

        var problems = suite.FindUnboundSteps();

        problems.Should().BeEmpty();
    }

    [Fact]
    public void ErrorIdOfAFileThatDoesNotParseThrowsItsErrors()
    {
        var lookUp = () => Fixtures.Broken.GetScenario(SpecSuite.ErrorIdPrefix + "unparsable.feature");

        lookUp.Should().Throw<InvalidDataException>().WithMessage("unparsable.feature:4:3: expected:*");
    }

    [Fact]
    public void UnknownIdSaysTheTestsNeedRediscovering()
    {
        var lookUp = () => Fixtures.Good.GetScenario("nowhere.feature:1");

        lookUp.Should().Throw<KeyNotFoundException>().WithMessage("No scenario nowhere.feature:1 below *; rediscover the tests*");
    }
}
