using System.ComponentModel;
using Reqnroll;
using ConvSpecs.Drivers;
using ConvSpecs.Reports;

namespace ConvSpecs.StepDefinitions;

[Binding]
[Description("Building the student's model and running it on seeded random input.")]
public sealed class ModelStepDefinitions(ModelContext context, ScenarioEvidence evidence)
{
    [Given("the student's variant {int} model")]
    [Description("Builds the submission's [Variant(n)] model (its main role) on the run's device.")]
    public void GivenTheModel(int variant) => Load($"variant{variant}", "");

    [Given("the student's {string} model for variant {int}")]
    [Description("Builds the submission's [Variant(n, Role = \"…\")] model.")]
    public void GivenTheModelInRole(string role, int variant) => Load($"variant{variant}", role);

    [Given("the student's {string} model for the pooling task")]
    [Description("Builds the submission's [PoolingTask(Role = \"…\")] model.")]
    public void GivenThePoolingModel(string role) => Load(Models.ModelRoles.PoolingTask, role);

    [When("a random batch of {int} passes through the model")]
    [Description("A seeded standard-normal batch of the model's declared input (C, H, W) runs forward in eval mode, without gradients.")]
    public void WhenARandomBatchPasses(int batch) => ModelProbe.Forward(context, batch);

    [When("a random batch of {int} with samples of shape {shape} passes through the model")]
    [Description("As above, with the sample shape the requirement fixes instead of the declared one.")]
    public void WhenARandomBatchOfShapePasses(int batch, Shape sample) => ModelProbe.Forward(context, batch, sample);

    [When("the same random batch of {int} passes through the model and its twin")]
    [Description("One seeded batch of the declared input runs through both the model and its twin.")]
    public void WhenTheSameBatchPassesThroughBoth(int batch) => ModelProbe.Forward(context, batch);

    private void Load(string task, string role)
    {
        context.Load(task, role);
        evidence.Record("model", context.Model.Label);
        evidence.Record("functional calls in forward", context.Model.FunctionalCalls switch
        {
            null => "not read: the model's source was not found, so functional calls are not seen",
            [] => "none",
            var calls => string.Join("; ", calls),
        });
    }
}
