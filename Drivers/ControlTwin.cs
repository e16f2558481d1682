using ConvSpecs.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>
/// Variant 1's control: the same model with one weight layer rescaled so its weight variance equals
/// the mean variance of two other layers, and the prediction of how that changes the activations.
/// </summary>
public static class ControlTwin
{
    /// <summary>Whether scaling the layer's weights by c scales the output by exactly c.</summary>
    public sealed record Homogeneity(bool IsExact, string Reason);

    public static LoadedModel Derive(LoadedModel original, Func<nn.Module<Tensor, Tensor>> build, Device device, int layer, int[] references)
    {
        var layers = LayerInspection.RanLayers(original, WeightVariance.WeightLayers);
        var target = references.Average(reference => WeightVariance.Of(original, reference));
        var scaled = layers[layer - 1];
        var factor = Math.Sqrt(target / WeightVariance.VarianceOf(scaled.Module));

        Registration.Ensure(original);
        var twin = build();
        twin.to(device).load_state_dict(original.Module.state_dict());
        var twinLayer = twin.named_modules().First(named => named.name == scaled.Name).module;
        using (no_grad())
            twinLayer.named_parameters(recurse: false).First(named => named.name == "weight").parameter.mul_(factor);
        return new LoadedModel($"control twin of {original.Label} (layer {layer} weights × {factor:G4})", twin, device, original.SourceFolder, original.Declared);
    }

    /// <summary>
    /// Exact when nothing after the rescaled layer breaks positive homogeneity: no bias from that layer on,
    /// and only layers f with f(c·x) = c·f(x) for c &gt; 0 (ReLU, pooling, bias-free Conv2d/Linear, …).
    /// Functional calls inside forward are invisible to the trace; they are read from the source: any that is not
    /// positively homogeneous (functional.tanh, …) makes the prediction inexact, wherever it is, and is named.
    /// </summary>
    public static Homogeneity Judge(LoadedModel model, int layer)
    {
        if (model.FunctionalCalls?.FirstOrDefault(call => !call.IsPositivelyHomogeneous) is { } bending)
            return new Homogeneity(false, $"forward calls {bending}, which is not positively homogeneous (tanh(2x) ≠ 2·tanh(x))");
        if (model.FunctionalCalls is null)
            return new Homogeneity(false, "the model's source was not found, so functional calls in forward cannot be ruled out");
        var scaled = LayerInspection.RanLayers(model, WeightVariance.WeightLayers)[layer - 1];
        var calls = LayerInspection.Calls(model);
        var after = calls.Skip(calls.ToList().FindIndex(run => ReferenceEquals(run.Module, scaled.Module))).ToList();
        foreach (var run in after)
        {
            if (!Homogeneous.Contains(run.Kind)) return new Homogeneity(false, $"{run.Kind} '{run.Name}' runs after layer {layer} and is not positively homogeneous");
            if (run.Module.named_parameters(recurse: false).FirstOrDefault(named => named.name == "bias").parameter is { } bias && bias.abs().max().ToDouble() > 0)
                return new Homogeneity(false, $"'{run.Name}' has a non-zero bias");
        }
        return new Homogeneity(true, $"no bias and only positively homogeneous layers from layer {layer} on (ReLU(c·x) = c·ReLU(x) for c > 0)");
    }

    private static readonly HashSet<string> Homogeneous =
        ["Conv2d", "Linear", "ReLU", "LeakyReLU", "MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d", "AdaptiveMaxPool2d", "Flatten", "Identity", "Dropout"];
}
