using System.ComponentModel;
using Reqnroll;
using ConvSpecs.Drivers;
using ConvSpecs.Reports;

namespace ConvSpecs.StepDefinitions;

[Binding]
[Description("Variant 4's classifier heads: what the convolutions hand over, and what the Linear layers after them receive.")]
public sealed class HeadStepDefinitions(ModelContext context, ScenarioEvidence evidence)
{
    [Then("the maps after the last Conv2d have shape {shape}")]
    [Description("The tensor the convolutions hand to the head: the last (B, C, H, W) maps between the last Conv2d and the first Linear (after its activation and any pooling, before Flatten or global pooling); a letter stands for the batch size.")]
    public void ThenTheMapsAfterTheConvolutionsHaveShape(Shape expected)
    {
        var maps = HeadInspection.ConvolutionOutput(context.Model);
        var last = HeadInspection.LastConvolution(context.Model);
        evidence.Record($"output of the last Conv2d ('{last.Name}')", Shape.Format(last.OutputShape));
        evidence.Record("maps handed to the head", $"{Shape.Format(maps.Shape)}, {maps.Where}");
        var pooling = context.Model.Calling(Operation.MaxPooling, Operation.AveragePooling);
        Require.That(maps.Shape.SequenceEqual(expected.Resolve(maps.Shape[0])), () =>
            $"The convolutions must hand {expected} to the head; measured {Shape.Format(maps.Shape)} ({maps.Where}; the last Conv2d '{last.Name}' gives {Shape.Format(last.OutputShape)})" +
            (pooling.Count > 0 ? $". forward calls {string.Join("; ", pooling)}, which hooks cannot see: write the pooling as a layer" : "") + ".");
    }

    [Then("the first Linear after the last Conv2d receives {shape}")]
    [Description("The input of the first Linear called after the last Conv2d: (B, 8192) is the 128 × 8 × 8 maps flattened.")]
    public void ThenTheFirstLinearReceives(Shape expected)
    {
        var first = HeadInspection.FirstLinearAfterConvolutions(context.Model);
        evidence.Record($"input of the first Linear ('{first.Name}')", Shape.Format(first.InputShape));
        Require.That(first.InputShape.SequenceEqual(expected.Resolve(first.InputShape[0])), () =>
            $"The first Linear after the convolutions ('{first.Name}') must receive {expected}, the maps flattened; it receives {Shape.Format(first.InputShape)}.");
    }

    [Then("the final Linear receives the global average of each channel of the maps after the last Conv2d")]
    [Description("The final Linear's input must equal the mean over all positions of each channel of the maps the convolutions hand to the head (as in the shape rule), with or without a ReLU applied.")]
    public void ThenTheFinalLinearReceivesTheGlobalAverage()
    {
        var check = HeadInspection.CheckGlobalAverage(context.Model);
        evidence.Record("input of the final Linear", check.InputShape);
        evidence.Record("maps averaged", $"{check.Maps}, {check.MapsShape}");
        evidence.Record("largest difference from their global average", check.Difference);
        Require.That(check.IsAverage, () =>
            $"The final Linear must receive the mean over positions of each channel of {check.MapsShape} (the maps the convolutions hand to the head: {check.Maps}), " +
            $"as adaptive_avg_pool2d(x, 1) or x.mean([2, 3]) gives; it receives {check.InputShape}" +
            (double.IsNaN(check.Difference) ? "." : $", differing from that average by up to {check.Difference:G4}."));
    }
}
