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

    /// <summary>The maps the convolutions hand to the head: what they are, where they were seen, their shape.</summary>
    public sealed record StageMaps(string Where, long[] Shape, Tensor Values);

    /// <summary>
    /// "The tensor after the three conv layers": the last (B, C, H, W) tensor with more than one position between the
    /// last Conv2d and the first Linear after it, that is the last Conv2d's output after the activation and pooling
    /// that follow it, before Flatten or global pooling. A third convolution at 16×16 followed by a pool hands over 8×8 maps.
    /// </summary>
    public static StageMaps ConvolutionOutput(LoadedModel model)
    {
        var runs = model.Trace.Runs.ToList();
        var from = runs.IndexOf(LastConvolution(model));
        var to = runs.IndexOf(FirstLinearAfterConvolutions(model));
        StageMaps? maps = null;
        for (var i = from; i <= to; i++)
        {
            if (i > from && IsMaps(runs[i].InputShape)) maps = new StageMaps($"input of '{runs[i].Name}' ({runs[i].Kind})", runs[i].InputShape, runs[i].Input);
            if (i < to && IsMaps(runs[i].OutputShape)) maps = new StageMaps($"output of '{runs[i].Name}' ({runs[i].Kind})", runs[i].OutputShape, runs[i].Output);
        }
        return maps ?? new StageMaps($"output of '{runs[from].Name}' (Conv2d)", runs[from].OutputShape, runs[from].Output);
    }

    /// <summary>
    /// Compares the final Linear's input with the mean over positions of each channel of the maps the convolutions hand
    /// to the head (<see cref="ConvolutionOutput"/>), also with ReLU applied, since a functional relu is invisible to hooks.
    /// </summary>
    public static AverageCheck CheckGlobalAverage(LoadedModel model)
    {
        var maps = ConvolutionOutput(model);
        var final = FinalLinear(model);
        var expected = new[] { final.InputShape[0], maps.Shape[1] };
        if (!final.InputShape.SequenceEqual(expected))
            return new AverageCheck(false, Shape.Format(final.InputShape), Shape.Format(maps.Shape), maps.Where, double.NaN);

        using var scope = NewDisposeScope();
        var difference = Math.Min(
            (final.Input - maps.Values.mean([2, 3])).abs().max().ToDouble(),
            (final.Input - nn.functional.relu(maps.Values).mean([2, 3])).abs().max().ToDouble());
        var tolerance = 1e-5 * (1 + maps.Values.abs().max().ToDouble());
        return new AverageCheck(difference <= tolerance, Shape.Format(final.InputShape), Shape.Format(maps.Shape), maps.Where, difference);
    }

    // a batch of maps with more than one position: (B, C, H, W), H·W > 1
    private static bool IsMaps(long[] shape) => shape.Length == 4 && shape[2] * shape[3] > 1;

    private static IReadOnlyList<LayerRun> LinearsAfterConvolutions(LoadedModel model)
    {
        LayerInspection.RanLayers(model, Linears);
        var runs = model.Trace.Runs.ToList();
        var linears = runs.Skip(runs.IndexOf(LastConvolution(model))).Where(run => Linears.Matches(run.Module)).ToList();
        return linears.Count > 0 ? linears : throw new ModelProblem($"{model.Label}: no Linear runs after the last Conv2d, so the model has no classifier head.");
    }
}
