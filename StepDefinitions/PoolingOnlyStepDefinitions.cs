using System.ComponentModel;
using Reqnroll;
using ConvSpecs.Drivers;
using ConvSpecs.Reports;

namespace ConvSpecs.StepDefinitions;

[Binding]
[Description("The pooling task's network: pooling layers and activations only, then one Linear.")]
public sealed class PoolingOnlyStepDefinitions(ModelContext context, ScenarioEvidence evidence)
{
    [Then("no layer of the model is a convolution")]
    [Description("No registered layer, run or not, is a Conv1d, Conv2d, Conv3d or ConvTranspose.")]
    public void ThenNoConvolution()
    {
        var convolutions = PoolingOnly.Convolutions(context.Model);
        evidence.Record("convolution layers", convolutions.Count, "layers");
        Require.That(convolutions.Count == 0, () => $"The task replaces every convolution with pooling; the model has {string.Join(", ", convolutions)}.");
    }

    [Then("only the Linear layers have trainable parameters")]
    [Description("Every trainable parameter belongs to a Linear; catches convolutions written with functional calls, which hooks cannot see.")]
    public void ThenOnlyLinearsTrain()
    {
        var outside = PoolingOnly.ParametersOutsideLinears(context.Model);
        evidence.Record("trainable parameters outside Linear layers", outside.Count == 0 ? "none" : string.Join(", ", outside));
        Require.That(outside.Count == 0, () => $"Pooling layers and activations have nothing to train, only the final Linear may; these parameters are outside it: {string.Join(", ", outside)}.");
    }

    [Then("every layer before the last is a pooling layer, an activation or a Flatten")]
    [Description("Every layer call before the last, in execution order, is a pooling layer (MaxPool2d, AvgPool2d, their adaptive forms, LPPool2d), an activation (ReLU, Tanh, …) or a reshape (Flatten).")]
    public void ThenOnlyPoolingAndActivations()
    {
        var calls = LayerInspection.Calls(context.Model);
        evidence.Record("layer calls in order", string.Join(" → ", calls.Select(call => call.Kind)));
        var intruders = PoolingOnly.Intruders(context.Model);
        Require.That(intruders.Count == 0, () => $"Before the final Linear only pooling layers, activations and Flatten may run; {string.Join("; ", intruders)}.");
    }

    [Then("the last layer to run is the model's only Linear")]
    [Description("The final layer call is a Linear, and no other Linear is registered.")]
    public void ThenTheLastLayerIsTheOnlyLinear()
    {
        var last = PoolingOnly.LastCall(context.Model);
        var linears = context.Model.Trace.Registered.Count(layer => PoolingOnly.Linear.Matches(layer.Module));
        evidence.Record("last layer", $"{last.Name} ({last.Kind})");
        evidence.Record("Linear layers", linears, "layers");
        Require.That(PoolingOnly.Linear.Matches(last.Module), $"The network must end in a Linear that turns the pooled values into class scores; the last layer to run is '{last.Name}' ({last.Kind}).");
        Require.That(linears == 1, $"The network must have a single Linear (more would make it a multilayer perceptron, not a pooling network); it has {linears}.");
    }

    [Then("every pooling layer that runs is a {layer}")]
    [Description("Each pooling layer that ran is of the given types: max pooling for the max version, average pooling for the avg one.")]
    public void ThenEveryPoolingLayerIs(LayerKinds kinds)
    {
        var pools = LayerInspection.RanLayers(context.Model, PoolingOnly.Pooling);
        evidence.Record("pooling layers", string.Join(", ", pools.Select(pool => $"{pool.Name} ({pool.Kind})")));
        var others = pools.Where(pool => !kinds.Matches(pool.Module)).Select(pool => $"{pool.Name} ({pool.Kind})").Distinct().ToList();
        Require.That(others.Count == 0, () => $"Every pooling layer must be a {kinds}; {string.Join(", ", others)} {(others.Count == 1 ? "is" : "are")} not.");
    }
}
