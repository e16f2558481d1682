using ConvSpecs.Bridge.Tests.Support;
using FluentAssertions;

namespace ConvSpecs.Bridge.Tests;

public sealed class ContextInjectionTests
{
    private const string Lifecycle = "Steps share the objects of their scenario";

    [Fact]
    public void HooksRunByOrderAroundTheStepsAndCreatedObjectsAreDisposedAfterThem()
    {
        var journal = new Journal();

        var (result, _) = Fixtures.Good.Run(Lifecycle, journal);

        result.Passed.Should().BeTrue();
        journal.Entries.Should().Equal(
            $"before 1: {Lifecycle}",
            "create Workbench",
            "before 2",
            "before default",
            "create Lamp",
            "step: Workbench ready under the Lamp",
            "step: waited",
            "after 1: no error",
            "after default",
            "dispose Workbench",
            "dispose Lamp");
    }

    [Fact]
    public void ObjectsPassedInAreInjectedButNotDisposed()
    {
        var journal = new Journal();

        Fixtures.Good.Run(Lifecycle, journal);

        journal.Entries.Should().NotBeEmpty();
        journal.IsDisposed.Should().BeFalse();
    }

    [Fact]
    public void EveryRunCreatesItsOwnObjects()
    {
        var journal = new Journal();

        Fixtures.Good.Run(Lifecycle, journal);
        Fixtures.Good.Run(Lifecycle, journal);

        journal.Entries.Where(entry => entry == "create Workbench").Should().HaveCount(2);
    }

    [Fact]
    public void ScenarioContextIsInjectedAndWritesToTheOutput()
    {
        var (_, output) = Fixtures.Good.Run(Lifecycle);

        var step = output.IndexOf("When a step writes \"hello\" to the output");
        output[step + 1].Should().Be("hello");
        output[step + 2].Should().StartWith("-> done: LifecycleSteps.WriteToOutput(\"hello\")");
    }

    [Fact]
    public void AfterScenarioHooksSeeTheErrorOfTheFailedStep()
    {
        var journal = new Journal();

        Fixtures.Failing.Run("A step throws", journal);

        journal.Entries.Should().Contain("after 1: the lamp is broken");
    }

    [Fact]
    public void HooksWithTagsRunOnlyForScenariosCarryingOneOfThem()
    {
        var journal = new Journal();

        Fixtures.Good.Run("Add two numbers", journal);

        journal.Entries.Should().BeEmpty();
    }

    [Fact]
    public void ClassThatCannotBeCreatedFailsTheScenarioSayingWhatIsMissing()
    {
        var scenario = Fixtures.Good.Named("Add two numbers");

        var result = Fixtures.Good.Run(scenario, "", []);

        result.Error.Should().BeOfType<Reqnroll.BoDi.ObjectContainerException>().Which.Message.Should().Contain("System.String").And.Contain("Brand");
    }
}
