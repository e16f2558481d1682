using ConvSpecs.Reports;
using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>
/// Variant 6's experiment: what one pooling gives, its mean and the first sample's maps tiled for a heatmap
/// (all channels up to <see cref="MaxChannels"/>; <see cref="Shown"/> of <see cref="Channels"/> says how many are drawn).
/// </summary>
public sealed record FeatureMaps(string Pooling, string Shape, double Mean, double[,] Tiled, int Channels, int Shown, int Height, int Width)
{
    // a grid of 8 × 8 maps still shows each map at a readable size; beyond it the title says how many are drawn
    private const int MaxChannels = 64;

    /// <summary>The maps of a (B, C, H, W) tensor: the first sample's channels, up to 64.</summary>
    public static FeatureMaps Of(string pooling, Tensor maps)
    {
        ArgumentNullException.ThrowIfNull(maps);
        using var scope = NewDisposeScope();
        var channels = (int)maps.shape[1];
        return new FeatureMaps(pooling, Drivers.Shape.Format(maps.shape), maps.mean().ToDouble(), Tile(maps[0]),
            channels, Math.Min(channels, MaxChannels), (int)maps.shape[2], (int)maps.shape[3]);
    }

    /// <summary>The smallest and largest value drawn (the blank lines between maps left out).</summary>
    public (double Min, double Max) Range()
    {
        var values = Tiled.Cast<double>().Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        return (values.Min(), values.Max());
    }

    public void Record(ScenarioEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        evidence.Record($"output shape after {Pooling}", Shape);
        evidence.Record($"mean activation after {Pooling}", Mean);
        evidence.Record($"channels drawn after {Pooling}", $"{Shown} of {Channels}");
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
