using System.ComponentModel;
using Reqnroll;
using ConvSpecs.Drivers;
using ConvSpecs.Reports;

namespace ConvSpecs.StepDefinitions;

[Binding]
[Description("Max pooling against global average pooling on the same tensor: feature maps and mean activations.")]
public sealed class PoolingStepDefinitions(ModelContext context, ScenarioEvidence evidence)
{
    [Then("the model's MaxPool2d and global average pooling of the same random tensor are drawn with their mean activations")]
    [Description("One seeded random tensor shaped like the first MaxPool2d's input goes through that MaxPool2d and through global average pooling (the model's AdaptiveAvgPool2d if it is global, else adaptive_avg_pool2d(x, 1)); both maps are tiled into heatmaps and their means recorded.")]
    public void ThenMaxAndGlobalPoolingAreCompared()
    {
        var comparison = PoolingComparison.Of(context);
        evidence.Record("the same random tensor", comparison.Tensor);
        evidence.Record("global average pooling", comparison.GlobalSource);
        // one colour scale for both drawings, so that they compare colour for colour
        var (min, max) = comparison.ColourScale();
        foreach (var (maps, name, other) in new[] { (comparison.Max, "max", comparison.Global), (comparison.Global, "global-average", comparison.Max) })
        {
            maps.Record(evidence);
            evidence.AddPlot($"feature-maps-{name}", Plots.FeatureMaps(maps, min, max, $"shared with {other.Pooling}"));
        }
        Require.That(double.IsFinite(comparison.Max.Mean) && double.IsFinite(comparison.Global.Mean),
            $"Both poolings must give finite numbers; their means are {comparison.Max.Mean} and {comparison.Global.Mean}.");
    }
}
