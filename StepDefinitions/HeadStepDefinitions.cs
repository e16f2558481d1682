using System.ComponentModel;
using ConvSpecs.Bridge;
using ConvSpecs.Drivers;
using ConvSpecs.Reports;
using FluentAssertions;

namespace ConvSpecs.StepDefinitions;

[Binding]
[Description("Variant 4's classifier heads: what the convolutions hand over, and what the Linear layers after them receive.")]
public sealed class HeadStepDefinitions(ModelContext context, ScenarioEvidence evidence)
{
    [Then("the last Conv2d's output has shape {shape}")]
    [Description("The output of the last Conv2d to run, batch included; a letter stands for the batch size.")]
    public void ThenTheLastConvolutionGives(Shape expected)
    {
        var last = HeadInspection.LastConvolution(context.Model);
        evidence.Record($"output of the last Conv2d ('{last.Name}')", Shape.Format(last.OutputShape));
        last.OutputShape.Should().Equal(expected.Resolve(last.OutputShape[0]),
            $"the last Conv2d ('{last.Name}') must give {expected} (measured {Shape.Format(last.OutputShape)})");
    }

    [Then("the first Linear after the last Conv2d receives {shape}")]
    [Description("The input of the first Linear called after the last Conv2d: (B, 8192) is the 128 × 8 × 8 maps flattened.")]
    public void ThenTheFirstLinearReceives(Shape expected)
    {
        var first = HeadInspection.FirstLinearAfterConvolutions(context.Model);
        evidence.Record($"input of the first Linear ('{first.Name}')", Shape.Format(first.InputShape));
        first.InputShape.Should().Equal(expected.Resolve(first.InputShape[0]),
            $"the first Linear after the convolutions ('{first.Name}') must receive {expected} (measured {Shape.Format(first.InputShape)})");
    }

    [Then("the final Linear receives the global average of each channel of the last Conv2d's maps")]
    [Description("The final Linear's input must equal the mean over all positions of each channel of the last maps shaped like the last Conv2d's output (after its ReLU, module or functional).")]
    public void ThenTheFinalLinearReceivesTheGlobalAverage()
    {
        var check = HeadInspection.CheckGlobalAverage(context.Model);
        evidence.Record("input of the final Linear", check.InputShape);
        evidence.Record("maps averaged", $"output of '{check.Maps}', {check.MapsShape}");
        evidence.Record("largest difference from their global average", check.Difference);
        check.IsAverage.Should().BeTrue(
            $"the final Linear must receive the mean over positions of each channel of {check.MapsShape} (output of '{check.Maps}'), " +
            $"as adaptive_avg_pool2d(x, 1) or x.mean([2, 3]) gives; it receives {check.InputShape}" +
            (double.IsNaN(check.Difference) ? "" : $" differing from that average by up to {check.Difference:G4}"));
    }
}
