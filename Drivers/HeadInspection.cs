using ConvSpecs.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>Variant 4's heads: what runs after the last convolution, and what the Linear layers receive, as the forward trace saw it.</summary>
public static class HeadInspection
{
    /// <summary>Whether the final Linear's input is the global average of the maps, and by how much it differs.</summary>
    public sealed record AverageCheck(bool IsAverage, string InputShape, string MapsShape, string Maps, double Difference);

    private static readonly LayerKinds Convolutions = new(["Conv2d"]);
    private static readonly LayerKinds Linears = new(["Linear"]);

    /// <summary>The last call of a Conv2d in the forward pass.</summary>
    public static LayerRun LastConvolution(LoadedModel model)
    {
        if (LayerInspection.RanLayers(model, Convolutions).Count == 0) throw new ModelProblem($"{model.Label}: no Conv2d ran.");
        return model.Trace.Runs.Last(run => Convolutions.Matches(run.Module));
    }

    /// <summary>The first Linear called after the last Conv2d: where the head starts classifying.</summary>
    public static LayerRun FirstLinearAfterConvolutions(LoadedModel model) => LinearsAfterConvolutions(model)[0];

    /// <summary>The last Linear called: the final layer.</summary>
    public static LayerRun FinalLinear(LoadedModel model) => LinearsAfterConvolutions(model)[^1];

    /// <summary>
    /// Compares the final Linear's input with the mean over positions of each channel of the last maps shaped like the
    /// last Conv2d's output, before the Linear: those maps after a ReLU module, or the Conv2d's own output, which is also
    /// tried with ReLU applied, since a functional relu is invisible to hooks.
    /// </summary>
    public static AverageCheck CheckGlobalAverage(LoadedModel model)
    {
        var runs = model.Trace.Runs;
        var lastConvolution = LastConvolution(model);
        var final = FinalLinear(model);
        var from = runs.ToList().IndexOf(lastConvolution);
        var maps = runs.Take(runs.ToList().IndexOf(final)).Skip(from).Last(run => run.OutputShape.SequenceEqual(lastConvolution.OutputShape));
        var expected = new[] { final.InputShape[0], lastConvolution.OutputShape[1] };
        if (!final.InputShape.SequenceEqual(expected))
            return new AverageCheck(false, Shape.Format(final.InputShape), Shape.Format(maps.OutputShape), maps.Name, double.NaN);

        using var scope = NewDisposeScope();
        var difference = Math.Min(
            (final.Input - maps.Output.mean([2, 3])).abs().max().ToDouble(),
            (final.Input - nn.functional.relu(maps.Output).mean([2, 3])).abs().max().ToDouble());
        var tolerance = 1e-5 * (1 + maps.Output.abs().max().ToDouble());
        return new AverageCheck(difference <= tolerance, Shape.Format(final.InputShape), Shape.Format(maps.OutputShape), maps.Name, difference);
    }

    private static IReadOnlyList<LayerRun> LinearsAfterConvolutions(LoadedModel model)
    {
        LayerInspection.RanLayers(model, Linears);
        var runs = model.Trace.Runs.ToList();
        var linears = runs.Skip(runs.IndexOf(LastConvolution(model))).Where(run => Linears.Matches(run.Module)).ToList();
        return linears.Count > 0 ? linears : throw new ModelProblem($"{model.Label}: no Linear runs after the last Conv2d, so the model has no classifier head.");
    }
}
