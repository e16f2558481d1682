using System.ComponentModel;
using ConvSpecs.Bridge;
using ConvSpecs.Drivers;
using ConvSpecs.Reports;

namespace ConvSpecs.StepDefinitions;

[Binding]
[Description("What pooling layers output: feature maps and mean activations.")]
public sealed class PoolingStepDefinitions(ModelContext context, ScenarioEvidence evidence)
{
    [Then("the feature maps after the first {layer} are drawn")]
    [Description("Tiles the first sample's channels after the first layer of that type into one heatmap and records the mean activation.")]
    public void ThenTheFeatureMapsAreDrawn(LayerKinds kinds)
    {
        var maps = FeatureMaps.After(context.Model, kinds);
        maps.Record(evidence);
        evidence.AddPlot($"feature-maps-{maps.Layer}", Plots.FeatureMaps(maps.Tiled, $"After {maps.Kind} '{maps.Layer}': {maps.Shape}, mean {maps.Mean:G4}"));
        Require.That(double.IsFinite(maps.Mean), $"The activations after {kinds} must be finite numbers; their mean is {maps.Mean}.");
    }
}
