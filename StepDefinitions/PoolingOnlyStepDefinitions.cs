using System.ComponentModel;
using ConvSpecs.Bridge;
using ConvSpecs.Drivers;
using ConvSpecs.Reports;
using FluentAssertions;

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
        convolutions.Should().BeEmpty("the task replaces every convolution with pooling");
    }

    [Then("only the Linear layers have trainable parameters")]
    [Description("Every trainable parameter belongs to a Linear; catches convolutions written with functional calls, which hooks cannot see.")]
    public void ThenOnlyLinearsTrain()
    {
        var outside = PoolingOnly.ParametersOutsideLinears(context.Model);
        evidence.Record("trainable parameters outside Linear layers", outside.Count == 0 ? "none" : string.Join(", ", outside));
        outside.Should().BeEmpty("pooling layers and activations have nothing to train; only the final Linear may");
    }

    [Then("every layer before the last is a pooling layer, an activation or a Flatten")]
    [Description("Every layer call before the last, in execution order, is a pooling layer (MaxPool2d, AvgPool2d, their adaptive forms, LPPool2d), an activation (ReLU, Tanh, …) or a reshape (Flatten).")]
    public void ThenOnlyPoolingAndActivations()
    {
        var calls = LayerInspection.Calls(context.Model);
        evidence.Record("layer calls in order", string.Join(" → ", calls.Select(call => call.Kind)));
        PoolingOnly.Intruders(context.Model).Should().BeEmpty("before the final Linear only pooling layers and activations may run");
    }

    [Then("the last layer to run is the model's only Linear")]
    [Description("The final layer call is a Linear, and no other Linear is registered.")]
    public void ThenTheLastLayerIsTheOnlyLinear()
    {
        var last = PoolingOnly.LastCall(context.Model);
        var linears = context.Model.Trace.Registered.Count(layer => layer.Module.GetType().Name == "Linear");
        evidence.Record("last layer", $"{last.Name} ({last.Kind})");
        evidence.Record("Linear layers", linears, "layers");
        last.Kind.Should().Be("Linear", "the network ends in a Linear that turns the pooled values into class scores");
        linears.Should().Be(1, "a single Linear; more would make it a multilayer perceptron, not a pooling network");
    }

    [Then("every pooling layer that runs is a {layer}")]
    [Description("Each pooling layer that ran is of the given types: max pooling for the max version, average pooling for the avg one.")]
    public void ThenEveryPoolingLayerIs(LayerKinds kinds)
    {
        var pools = LayerInspection.RanLayers(context.Model, PoolingOnly.Pooling);
        evidence.Record("pooling layers", string.Join(", ", pools.Select(pool => $"{pool.Name} ({pool.Kind})")));
        pools.Where(pool => !kinds.Matches(pool.Module)).Select(pool => $"{pool.Name} ({pool.Kind})").Should().BeEmpty($"every pooling layer must be a {kinds}");
    }
}
