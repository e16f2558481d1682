using System.ComponentModel;
using Reqnroll;
using ConvSpecs.Drivers;
using ConvSpecs.Reports;

namespace ConvSpecs.StepDefinitions;

[Binding]
[Description("The variance of weights and what it does to the activations.")]
public sealed class WeightStepDefinitions(ModelContext context, ScenarioEvidence evidence)
{
    [Then("the weight variance of layer {int} is {float} times that of layer {int}, within {float}%")]
    [Description("Layers are the Conv2d/Linear layer calls numbered in execution order; variance is the population variance of the weights. The ratio is averaged over fresh constructions seeded from the run's seed (3 when they decide by a wide margin, else 10); the tolerance is the stated one, or four standard errors of that mean when the layers are too small for it.")]
    public void ThenTheVarianceRatioIs(int layer, double factor, int reference, double tolerance)
    {
        var ratio = WeightVariance.Ratio(context, layer, reference, factor, tolerance);
        var allowed = ratio.Tolerance(factor, tolerance);
        evidence.Record($"Var(W{layer}) / Var(W{reference}) of the model under test", WeightVariance.Of(context.Model, layer) / WeightVariance.Of(context.Model, reference), "×");
        evidence.Record($"Var(W{layer}) / Var(W{reference}), mean of {ratio.Ratios.Length} fresh constructions", ratio.Mean, "×");
        evidence.Record($"Var(W{layer}) / Var(W{reference}), spread of one construction (standard deviation)", ratio.Spread, "×");
        evidence.Record($"Var(W{layer}) / Var(W{reference}), each construction", ratio.Values);
        evidence.Record("tolerance applied", allowed, $"× (stated {tolerance}%, {WeightVariance.StandardErrors} standard errors {WeightVariance.StandardErrors * ratio.StandardError:G3})");
        Require.That(Math.Abs(ratio.Mean - factor) <= allowed, () =>
            $"Var(W{layer}) ('{ratio.Layer}') must be {factor} × Var(W{reference}) ('{ratio.Reference}') within {tolerance}%; over {ratio.Ratios.Length} fresh constructions " +
            $"the ratio is {ratio.Mean:G4} on average (each: {ratio.Values}; allowed {factor - allowed:G4} to {factor + allowed:G4}). " +
            $"Initialise layer {layer}'s weights with {factor} times the variance of layer {reference}'s, e.g. init.normal_(weight, std: Math.Sqrt({factor} * variance)).");
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
        Require.That(comparison.Model.All(double.IsFinite), "The activations after global average pooling must be finite numbers.");
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
            Require.That(Math.Abs(comparison.VarianceRatio - predicted) <= predicted * 1e-3, () =>
                $"The model is positively homogeneous after layer {layer} ({homogeneity.Reason}), so the variance after global average pooling must grow by exactly " +
                $"{predicted:G4}; it grew by {comparison.VarianceRatio:G4}.");
        else
            Require.That(comparison.VarianceRatio > 0, $"The variance ratio after global average pooling must be a positive number; measured {comparison.VarianceRatio}.");
    }
}
