using System.ComponentModel;
using ConvSpecs.Bridge.Tests.Support;
using FluentAssertions;

namespace ConvSpecs.Bridge.Tests.Steps;

[Binding]
public sealed class LifecycleSteps(Journal journal, Workbench workbench, Lamp lamp, IReqnrollOutputHelper output)
{
    [StepArgumentTransformation("(the workbench|the lamp)", Name = "fixture")]
    [Description("the workbench or the lamp of the running scenario")]
    public object ToFixture(string text) => text == "the workbench" ? workbench : lamp;

    [Given("the workbench is ready")]
    public void WorkbenchIsReady() => journal.Add($"step: {workbench.GetType().Name} ready under the {lamp.GetType().Name}");

    [When("a step writes {string} to the output")]
    public void WriteToOutput(string text) => output.WriteLine(text);

    [When("a step waits")]
    public async Task Wait()
    {
        await Task.Yield();
        journal.Add("step: waited");
    }

    [Then("{fixture} is the one this scenario uses")]
    public void IsTheOneInUse(object fixture) => fixture.Should().BeOneOf(workbench, lamp);

    [Then("the workbench was created once")]
    public void WorkbenchWasCreatedOnce() => journal.Entries.Should().ContainSingle(entry => entry == "create Workbench");

    [Then("the step fails with {string}")]
    public void Fail(string message) => throw new InvalidOperationException(message);

    [Given("a step that is not written yet")]
    public void NotWrittenYet() => throw new PendingStepException();
}

