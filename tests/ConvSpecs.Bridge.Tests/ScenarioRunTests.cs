using ConvSpecs.Bridge.Tests.Support;
using FluentAssertions;

namespace ConvSpecs.Bridge.Tests;

public sealed class ScenarioRunTests
{
    [Fact]
    public void PassingScenarioTracesEveryStepWithTheBindingReqnrollRan()
    {
        var (result, output) = Fixtures.Good.Run("Add two numbers");

        result.Outcome.Should().Be(StepOutcome.Passed);
        output.Should().HaveCount(10);
        output[2].Should().Be("Given I have entered 50 into the calculator");
        output[3].Should().StartWith("-> done: CalculatorSteps.Enter(50)");
        result.Steps.Should().HaveCount(5).And.OnlyContain(step => step.Outcome == StepOutcome.Passed);
    }

    [Theory]
    [InlineData("Add 5 and -5")]
    [InlineData("The display is set by a Given and checked by a Then")]
    [InlineData("Multiply the numbers of a table")]
    [InlineData("Keep a note")]
    [InlineData("Modes, makers and memory")]
    [InlineData("Сложить два числа")]
    public void ArgumentsReachTheirStepsConverted(string scenario)
    {
        var (result, _) = Fixtures.Good.Run(scenario);

        result.Error.Should().BeNull();
        result.Passed.Should().BeTrue();
    }

    [Fact]
    public void FailingStepFailsTheScenarioAndSkipsTheStepsAfterIt()
    {
        var (result, output) = Fixtures.Failing.Run("A step throws");

        result.Outcome.Should().Be(StepOutcome.Failed);
        result.Steps.Select(step => step.Outcome).Should().Equal(StepOutcome.Passed, StepOutcome.Failed, StepOutcome.Skipped);
        result.FailedStep!.Step.Text.Should().Be("the step fails with \"the lamp is broken\"");
        result.Error.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Be("the lamp is broken");
        output.Should().ContainInOrder("Then the step fails with \"the lamp is broken\"", "And the workbench was created once", "-> skipped because of previous errors");
        output.Should().Contain(line => line.StartsWith("-> error: the lamp is broken", StringComparison.Ordinal));
    }

    [Fact]
    public void ThrowIfFailedNamesTheFeatureRuleScenarioAndFailingStep()
    {
        var (result, _) = Fixtures.Failing.Run("A step throws");

        var thrown = result.Invoking(r => r.ThrowIfFailed()).Should().Throw<ScenarioFailedException>().Which;

        thrown.Message.Split(Environment.NewLine).Should().Equal(
            "Feature: Failures",
            "Rule: A failing step stops the scenario",
            "Scenario: A step throws (failures.feature:10)",
            "Failed at: Then the step fails with \"the lamp is broken\" (failures.feature:12)",
            "the lamp is broken");
        thrown.InnerException.Should().BeSameAs(result.Error);
    }

    [Fact]
    public void PassingScenarioDoesNotThrow()
    {
        var (result, _) = Fixtures.Good.Run("Add two numbers");

        result.Invoking(r => r.ThrowIfFailed()).Should().NotThrow();
    }

    [Fact]
    public void PendingStepLeavesTheScenarioPending()
    {
        var (result, output) = Fixtures.Failing.Run("A step is pending");

        result.Outcome.Should().Be(StepOutcome.Pending);
        result.Error.Should().BeOfType<PendingStepException>();
        output.Should().Equal("Given a step that is not written yet", "-> pending: LifecycleSteps.NotWrittenYet(): The step definition is not implemented.",
            "Then the display shows 0", "-> skipped because of previous errors");
    }

    [Fact]
    public void UndefinedStepFailsTheScenarioWithASnippet()
    {
        var (result, output) = Fixtures.Broken.Run("A step without a binding");

        result.Outcome.Should().Be(StepOutcome.Undefined);
        result.Error.Should().BeOfType<Reqnroll.ErrorHandling.PendingScenarioException>().Which.Message.Should().Contain("public void GivenTheCalculatorHasButtonsAndKnobsAtMost(");
        output[0].Should().Be("Given the calculator has 3 \"red\" buttons and 2.5 knobs (at most)");
        output[1].Should().StartWith("-> undefined: No matching step definition found for the step.");
    }

    [Fact]
    public void AmbiguousStepFailsTheScenarioNamingBothBindings()
    {
        var (result, _) = Fixtures.Broken.Run("A step with two bindings");

        result.Outcome.Should().Be(StepOutcome.Ambiguous);
        result.Error!.Message.Should().Contain("AmbiguousSteps.Exact").And.Contain("AmbiguousSteps.WithWord");
    }

    [Fact]
    public void FailingBeforeHookSkipsEveryStepButTheAfterHooksStillRun()
    {
        var journal = new Journal();

        var (result, output) = Fixtures.Failing.Run("A hook fails before the steps", journal);

        result.Outcome.Should().Be(StepOutcome.Failed);
        result.FailedAt.Should().Be("BeforeScenario hook LifecycleHooks.Explode");
        result.FailedStep.Should().BeNull();
        output.Should().Equal("-> error in BeforeScenario hook LifecycleHooks.Explode: the hook exploded", "Given the workbench is ready", "-> skipped because of previous errors");
        result.Error!.Message.Should().Be("the hook exploded");
        journal.Entries.Should().Contain(["after 1: the hook exploded", "after default"]).And.NotContain("before default");
    }
}
