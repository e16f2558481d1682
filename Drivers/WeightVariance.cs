using ConvSpecs.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>Weight layers (Conv2d, Linear) in execution order and the variance of their weights.</summary>
public static class WeightVariance
{
    public static readonly LayerKinds WeightLayers = new(["Conv2d", "Linear"]);

    /// <summary>The population variance of the weights of the n-th weight layer (1-based, execution order).</summary>
    public static double Of(LoadedModel model, int layer)
    {
        var layers = LayerInspection.RanLayers(model, WeightLayers);
        if (layer < 1 || layer > layers.Count)
            throw new ModelProblem($"{model.Label}: weight layer {layer} was asked for, but only {layers.Count} Conv2d/Linear layers ran.");
        return VarianceOf(layers[layer - 1].Module);
    }

    public static double VarianceOf(nn.Module layer)
    {
        using var scope = NewDisposeScope();
        var weight = layer.named_parameters(recurse: false).First(named => named.name == "weight").parameter;
        return weight.var(unbiased: false).ToDouble();
    }
}
