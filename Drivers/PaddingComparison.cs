using ConvSpecs.Reports;
using TorchSharp;

namespace ConvSpecs.Drivers;

/// <summary>Variant 2's experiment: the padding=0 output against the padding=1 twin's, on the same input.</summary>
public sealed record PaddingComparison(string Padding0Shape, string Padding1Shape, long LostPositions, double LostShare, double Padding0Mean, double Padding1Mean)
{
    public static PaddingComparison Of(ModelContext context)
    {
        var padding0 = context.Output ?? throw new InvalidOperationException("Run the model and its twin first.");
        var padding1 = context.TwinOutput ?? throw new InvalidOperationException("No twin output: 'Given its padding=1 twin' must come first.");
        var positions0 = Positions(padding0.shape);
        var positions1 = Positions(padding1.shape);
        return new PaddingComparison(Shape.Format(padding0.shape), Shape.Format(padding1.shape), positions1 - positions0,
            positions1 == 0 ? 0 : (double)(positions1 - positions0) / positions1,
            padding0.mean().ToDouble(), padding1.mean().ToDouble());
    }

    public void Record(ScenarioEvidence evidence)
    {
        evidence.Record("output shape, padding=0", Padding0Shape);
        evidence.Record("output shape, padding=1", Padding1Shape);
        evidence.Record("positions lost at the border (per channel)", LostPositions, "positions");
        evidence.Record("share of positions lost", 100 * LostShare, "%");
        evidence.Record("mean activation, padding=0", Padding0Mean);
        evidence.Record("mean activation, padding=1", Padding1Mean);
    }

    // spatial positions per channel: the product of the dimensions after (batch, channels)
    private static long Positions(long[] shape) => shape.Skip(2).Aggregate(1L, (a, b) => a * b);
}
