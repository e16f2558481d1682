using ConvSpecs.Models;
using ConvSpecs.Reports;
using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>Variant 6's experiment: the output of one pooling layer, its mean and its maps tiled for a heatmap.</summary>
public sealed record FeatureMaps(string Layer, string Kind, string Shape, double Mean, double[,] Tiled)
{
    private const int MaxChannels = 16;

    public static FeatureMaps After(LoadedModel model, LayerKinds kinds)
    {
        var run = LayerInspection.RanLayers(model, kinds).FirstOrDefault()
                  ?? throw new ModelProblem($"{model.Label}: no {kinds} layer ran, so there is nothing to draw after it.");
        if (run.Output.dim() != 4)
            throw new ModelProblem($"{model.Label}: the output of {run.Kind} '{run.Name}' is {Drivers.Shape.Format(run.OutputShape)}, not (B, C, H, W).");
        using var scope = NewDisposeScope();
        return new FeatureMaps(run.Name, run.Kind, Drivers.Shape.Format(run.OutputShape), run.Output.mean().ToDouble(), Tile(run.Output[0]));
    }

    public void Record(ScenarioEvidence evidence)
    {
        evidence.Record($"output shape after {Kind} '{Layer}'", Shape);
        evidence.Record($"mean activation after {Kind} '{Layer}'", Mean);
    }

    // up to 16 channels in a square grid, one blank row/column between maps (NaN draws as empty)
    private static double[,] Tile(Tensor sample)
    {
        var channels = (int)Math.Min(sample.shape[0], MaxChannels);
        var (height, width) = ((int)sample.shape[1], (int)sample.shape[2]);
        var columns = (int)Math.Ceiling(Math.Sqrt(channels));
        var rows = (int)Math.Ceiling(channels / (double)columns);
        var tiled = new double[rows * (height + 1) - 1, columns * (width + 1) - 1];
        for (var i = 0; i < tiled.GetLength(0); i++)
            for (var j = 0; j < tiled.GetLength(1); j++)
                tiled[i, j] = double.NaN;
        var values = sample.to_type(ScalarType.Float64).cpu().data<double>().ToArray();
        for (var c = 0; c < channels; c++)
            for (var y = 0; y < height; y++)
                for (var x = 0; x < width; x++)
                    tiled[c / columns * (height + 1) + y, c % columns * (width + 1) + x] = values[(c * height + y) * width + x];
        return tiled;
    }
}
