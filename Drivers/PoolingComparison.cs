using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>
/// Variant 6's experiment as the homework words it: "compare the outputs after MaxPool and GAP on the same random
/// tensor". One seeded random tensor shaped like what the model's first MaxPool2d receives goes through that
/// MaxPool2d and through global average pooling (one value per channel). The model's AdaptiveAvgPool2d is used
/// when it is global (output 1×1); otherwise, since the (32, 8, 8) output usually needs an 8×8 one, the global
/// pooling is adaptive_avg_pool2d(x, 1) and the evidence says why.
/// </summary>
public sealed record PoolingComparison(FeatureMaps Max, FeatureMaps Global, string Tensor, string GlobalSource)
{
    public static PoolingComparison Of(ModelContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var model = context.Model;
        var max = LayerInspection.RanLayers(model, new LayerKinds(["MaxPool2d"])).FirstOrDefault()
                  ?? throw new ModelProblem($"{model.Label}: no MaxPool2d ran, so there is no MaxPool to compare.");
        var average = LayerInspection.RanLayers(model, new LayerKinds(["AdaptiveAvgPool2d"])).FirstOrDefault();
        if (max.InputShape.Length != 4)
            throw new ModelProblem($"{model.Label}: MaxPool2d '{max.Name}' receives {Shape.Format(max.InputShape)}, not (B, C, H, W).");

        using var scope = NewDisposeScope();
        var tensor = randn(max.InputShape).to(context.Device);
        model.Trace.Paused = true;
        try
        {
            using var noGrad = no_grad();
            var isGlobal = average is not null && average.OutputShape[^2] * average.OutputShape[^1] == 1;
            var global = isGlobal ? ((AdaptiveAvgPool2d)average!.Module).call(tensor) : nn.functional.adaptive_avg_pool2d(tensor, [1, 1]);
            return new PoolingComparison(FeatureMaps.Of($"MaxPool2d '{LayerNames.Readable(max.Name)}'", ((MaxPool2d)max.Module).call(tensor)),
                FeatureMaps.Of("global average pooling", global), Shape.Format(max.InputShape),
                isGlobal ? $"the model's AdaptiveAvgPool2d '{LayerNames.Readable(average!.Name)}', which is global (1×1)"
                : average is null ? "adaptive_avg_pool2d(x, 1): no AdaptiveAvgPool2d ran"
                : $"adaptive_avg_pool2d(x, 1): the model's AdaptiveAvgPool2d '{LayerNames.Readable(average.Name)}' gives {average.OutputShape[^2]}×{average.OutputShape[^1]}, not a global average");
        }
        finally
        {
            model.Trace.Paused = false;
        }
    }

    /// <summary>One colour scale that covers both drawings.</summary>
    public (double Min, double Max) ColourScale()
    {
        var (max, global) = (Max.Range(), Global.Range());
        return (Math.Min(max.Min, global.Min), Math.Max(max.Max, global.Max));
    }
}
