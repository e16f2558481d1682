using ConvSpecs.Reports;
using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>Variant 6's experiment: what one pooling gives, its mean and its maps tiled for a heatmap.</summary>
public sealed record FeatureMaps(string Pooling, string Shape, double Mean, double[,] Tiled)
{
    private const int MaxChannels = 16;

    /// <summary>The maps of a (B, C, H, W) tensor: the first sample's channels, up to 16.</summary>
    public static FeatureMaps Of(string pooling, Tensor maps)
    {
        ArgumentNullException.ThrowIfNull(maps);
        using var scope = NewDisposeScope();
        return new FeatureMaps(pooling, Drivers.Shape.Format(maps.shape), maps.mean().ToDouble(), Tile(maps[0]));
    }

    public void Record(ScenarioEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        evidence.Record($"output shape after {Pooling}", Shape);
        evidence.Record($"mean activation after {Pooling}", Mean);
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
