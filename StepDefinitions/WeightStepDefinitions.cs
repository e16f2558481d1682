using System.ComponentModel;
using ConvSpecs.Bridge;
using ConvSpecs.Drivers;
using ConvSpecs.Reports;
using FluentAssertions;

namespace ConvSpecs.StepDefinitions;

[Binding]
[Description("The variance of weights and what it does to the activations.")]
public sealed class WeightStepDefinitions(ModelContext context, ScenarioEvidence evidence)
{
    [Then("the weight variance of layer {int} is {float} times that of layer {int}, within {float}%")]
    [Description("Layers are the Conv2d/Linear layers numbered in execution order; variance is the population variance of the weights.")]
    public void ThenTheVarianceRatioIs(int layer, double factor, int reference, double tolerance)
    {
        var ratio = WeightVariance.Of(context.Model, layer) / WeightVariance.Of(context.Model, reference);
        evidence.Record($"Var(W{layer})", WeightVariance.Of(context.Model, layer));
        evidence.Record($"Var(W{reference})", WeightVariance.Of(context.Model, reference));
        evidence.Record($"Var(W{layer}) / Var(W{reference})", ratio, "×");
        ratio.Should().BeApproximately(factor, factor * tolerance / 100,
            $"Var(W{layer}) must be {factor} × Var(W{reference}) within {tolerance}% (measured ratio {ratio:G4})");
    }

    [Given("a control twin whose layer {int} weights have the mean variance of layers {int} and {int}")]
    [Description("The same model and weights, with that layer's weights scaled so its variance is the mean of the other two layers'.")]
    public void GivenAControlTwin(int layer, int first, int second)
    {
        ModelProbe.Forward(context, 1);
        context.SetTwin(ControlTwin.Derive(context.Model, context.Entry!.Create, context.Device, layer, [first, second]));
        evidence.Record("control", context.Twin!.Label);
    }

    [Then("the activations after global average pooling are compared in a histogram")]
    [Description("Global-average-pools both outputs, records mean, std and variance of each and overlays their histograms.")]
    public void ThenTheActivationsAreCompared()
    {
        var comparison = ActivationComparison.Of(context);
        comparison.Record(evidence);
        evidence.AddPlot("gap-activations", Plots.GapActivationHistogram(comparison.Model, comparison.Control, "model", "control twin"));
        comparison.Model.Should().OnlyContain(value => double.IsFinite(value), "activations must be finite numbers");
    }

    [Then("the variance ratio after global average pooling matches the prediction for layer {int}")]
    [Description("When the network is positively homogeneous after that layer (no bias, ReLU-like layers only) the ratio must equal the layer's weight-variance ratio; otherwise it is only reported.")]
    public void ThenTheRatioMatchesThePrediction(int layer)
    {
        var comparison = ActivationComparison.Of(context);
        var homogeneity = ControlTwin.Judge(context.Model, layer);
        var predicted = WeightVariance.Of(context.Model, layer) / WeightVariance.Of(context.Twin!, layer);
        evidence.Record("predicted variance ratio", homogeneity.IsExact ? predicted.ToString("G6", System.Globalization.CultureInfo.InvariantCulture) : $"none exact (≤ {predicted:G4})");
        evidence.Record("why", homogeneity.Reason);
        if (homogeneity.IsExact)
            comparison.VarianceRatio.Should().BeApproximately(predicted, predicted * 1e-3, $"the model is positively homogeneous after layer {layer}: {homogeneity.Reason}");
        else
            comparison.VarianceRatio.Should().BePositive("the variance ratio must be a positive number");
    }
}
