using ConvSpecs.Models;
using ConvSpecs.Reports;
using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>
/// Variant 6's experiment: the output of one pooling layer, its mean and the first sample's maps tiled for a heatmap,
/// with a colour scale shared by every pooling layer that ran, so that two drawings compare colour for colour.
/// </summary>
public sealed record FeatureMaps(string Layer, string Kind, string Shape, double Mean, double[,] Tiled,
    int Channels, int Shown, int Height, int Width, double ScaleMin, double ScaleMax, string ScaleNote)
{
    // a grid of 8 × 8 maps still shows each map at a readable size; beyond it the title says how many are drawn
    private const int MaxChannels = 64;

    public static FeatureMaps After(LoadedModel model, LayerKinds kinds)
    {
        var run = LayerInspection.RanLayers(model, kinds).FirstOrDefault()
                  ?? throw new ModelProblem($"{model.Label}: no {kinds} layer ran, so there is nothing to draw after it.");
        if (run.Output.dim() != 4)
            throw new ModelProblem($"{model.Label}: the output of {run.Kind} '{LayerNames.Readable(run.Name)}' is {Drivers.Shape.Format(run.OutputShape)}, not (B, C, H, W).");
        var (min, max, note) = SharedScale(model, run);
        using var scope = NewDisposeScope();
        var channels = (int)run.Output.shape[1];
        return new FeatureMaps(run.Name, run.Kind, Drivers.Shape.Format(run.OutputShape), run.Output.mean().ToDouble(), Tile(run.Output[0]),
            channels, Math.Min(channels, MaxChannels), (int)run.Output.shape[2], (int)run.Output.shape[3], min, max, note);
    }

    public void Record(ScenarioEvidence evidence)
    {
        evidence.Record($"output shape after {Kind} '{LayerNames.Readable(Layer)}'", Shape);
        evidence.Record($"mean activation after {Kind} '{LayerNames.Readable(Layer)}'", Mean);
        evidence.Record($"channels drawn after {Kind} '{LayerNames.Readable(Layer)}'", $"{Shown} of {Channels}");
    }

    // the first sample's values over the drawn channels of every 4-D pooling output that ran
    private static (double Min, double Max, string Note) SharedScale(LoadedModel model, LayerRun drawn)
    {
        var pools = model.Trace.Runs.Where(run => run.Module.GetType().Name.Contains("Pool", StringComparison.Ordinal) && run.Output.dim() == 4)
            .DistinctBy(run => run.Module, ReferenceEqualityComparer.Instance).ToList();
        if (!pools.Any(run => ReferenceEquals(run.Module, drawn.Module))) pools.Add(drawn);
        using var scope = NewDisposeScope();
        var ranges = pools.Select(run => run.Output[0, ..(int)Math.Min(run.Output.shape[1], MaxChannels)])
            .Select(values => (Min: values.min().ToDouble(), Max: values.max().ToDouble())).ToList();
        var (min, max) = (ranges.Min(range => range.Min), ranges.Max(range => range.Max));
        var others = pools.Where(run => !ReferenceEquals(run.Module, drawn.Module)).Select(run => $"{run.Kind} '{LayerNames.Readable(run.Name)}'").ToList();
        var note = others.Count == 0 ? "" : $"shared with {string.Join(", ", others)}";
        return max > min ? (min, max, note) : (min, min + 1, note);
    }

    // up to MaxChannels channels in a square grid, one blank row/column between maps (NaN draws as empty)
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
