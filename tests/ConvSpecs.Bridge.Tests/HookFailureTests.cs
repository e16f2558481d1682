using ConvSpecs.Bridge.Tests.Support;
using FluentAssertions;

namespace ConvSpecs.Bridge.Tests;

/// <summary>A hook or a disposal that fails fails its scenario, never the run, and never the scenarios after it.</summary>
public sealed class HookFailureTests
{
    [Fact]
    public void AFailingAfterStepHookFailsItsStepAndSkipsTheRest()
    {
        var (result, _) = Fixtures.Failing.Run("A hook after a step fails");

        result.Outcome.Should().Be(StepOutcome.Failed);
        result.Steps.Select(step => step.Outcome).Should().Equal(StepOutcome.Failed, StepOutcome.Skipped);
        result.Error!.Message.Should().Be("the after-step hook failed");
    }

    [Fact]
    public void AnObjectThatFailsToBeDisposedFailsItsScenarioAndTheNextScenariosStillRun()
    {
        var (broken, _) = Fixtures.Failing.Run("An object of the scenario fails to be disposed");

        broken.Outcome.Should().Be(StepOutcome.Failed);
        broken.FailedAt.Should().Be("an AfterScenario hook or the disposal of the scenario's objects");
        broken.Error!.Message.Should().Contain("the fuse blew");
        // the next scenarios of the feature go to the same worker (Reqnroll hands a feature's runs to the worker that ran it):
        // they must not inherit the failure
        for (var i = 0; i < 3; i++)
            Fixtures.Failing.Run("A scenario after them runs as usual").Result.Passed.Should().BeTrue();
    }

    [Fact]
    public void AFailingBeforeFeatureHookFailsEveryScenarioOfTheFeature()
    {
        var first = Fixtures.Failing.Run("The first scenario of the feature").Result;
        var second = Fixtures.Failing.Run("The second scenario of the feature").Result;

        foreach (var result in new[] { first, second })
        {
            result.Outcome.Should().Be(StepOutcome.Failed);
            result.Steps.Should().OnlyContain(step => step.Outcome == StepOutcome.Skipped);
            result.Error!.Message.Should().Be("the before-feature hook failed");
        }
    }
}
