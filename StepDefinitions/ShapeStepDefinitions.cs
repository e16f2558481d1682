using System.ComponentModel;
using Reqnroll;
using ConvSpecs.Drivers;
using ConvSpecs.Reports;

namespace ConvSpecs.StepDefinitions;

[Binding]
[Description("Output shapes, and what padding does to them.")]
public sealed class ShapeStepDefinitions(ModelContext context, ScenarioEvidence evidence)
{
    [Then("the output has shape {shape}")]
    [Description("The whole output tensor, batch included, has this shape.")]
    public void ThenTheOutputHasShape(Shape expected)
    {
        var measured = ModelProbe.OutputShape(context);
        evidence.Record("output shape", Shape.Format(measured));
        Require.That(measured.SequenceEqual(expected.Resolve(measured[0])), $"The output must be {expected} (measured {Shape.Format(measured)}).");
    }

    [Then("each sample's output has shape {shape}")]
    [Description("The output without its batch dimension has this shape.")]
    public void ThenEachSampleHasShape(Shape expected)
    {
        var measured = ModelProbe.OutputShape(context);
        evidence.Record("output shape", Shape.Format(measured));
        Require.That(measured.Skip(1).SequenceEqual(expected.Resolve(measured[0])), $"Each sample's output must be {expected} (measured {Shape.Format(measured.Skip(1))}).");
    }

    [Given("its padding=1 twin")]
    [Description("The submission's padding1 model if it has one, else the same model with every padding=0 Conv2d padded by 1 (same weights).")]
    public void GivenItsPaddingTwin()
    {
        ModelProbe.UsePaddingTwin(context);
        evidence.Record("padding=1 twin", context.Twin!.Label);
    }

    [Then("the padding=0 output has no more positions than the padding=1 output")]
    [Description("Records both output shapes and the positions lost at the border; padding 0 may only lose positions.")]
    public void ThenPaddingZeroLosesTheBorder()
    {
        var comparison = PaddingComparison.Of(context);
        comparison.Record(evidence);
        Require.That(comparison.LostPositions >= 0, $"Padding 0 cannot give more positions than padding 1; measured padding=0 {comparison.Padding0Shape}, padding=1 {comparison.Padding1Shape}.");
    }

    [Then("the mean activations of both outputs are compared in a bar chart")]
    [Description("Records the mean activation of each output and draws them side by side.")]
    public void ThenMeanActivationsAreCompared()
    {
        var comparison = PaddingComparison.Of(context);
        evidence.AddPlot("padding-mean-activations", Plots.PaddingMeanActivations(["padding=0", "padding=1"], [comparison.Padding0Shape, comparison.Padding1Shape],
            [comparison.Padding0Mean, comparison.Padding1Mean]));
        Require.That(double.IsFinite(comparison.Padding0Mean - comparison.Padding1Mean), $"Both mean activations must be finite numbers; measured {comparison.Padding0Mean} and {comparison.Padding1Mean}.");
    }
}
