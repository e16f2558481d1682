using ConvSpecs.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>What the forward trace says about a model's layers: which ran, in what order, with what settings.</summary>
public static class LayerInspection
{
    /// <summary>
    /// The distinct layers of the given kinds that ran, in execution order. A registered layer of those
    /// kinds that never ran is an error: the specs cannot tell an unused layer from one called with .forward.
    /// </summary>
    public static IReadOnlyList<LayerRun> RanLayers(LoadedModel model, LayerKinds kinds)
    {
        EnsureSeen(model);
        var unseen = model.Trace.Unseen(kinds);
        if (unseen.Count > 0)
            throw new ModelProblem(
                $"{model.Label}: {string.Join(", ", unseen)} never ran through .call(x) during the forward pass. " +
                "TorchSharp fires hooks only for submodules invoked with .call(x), so the specs cannot see a layer called with " +
                ".forward(x), nor count an unused one. In forward, call every layer as layer.call(x), and remove unused layers.");
        return model.Trace.Layers.Where(run => kinds.Matches(run.Module)).ToList();
    }

    /// <summary>Every call of a leaf layer in execution order (a layer reused twice appears twice).</summary>
    public static IReadOnlyList<LayerRun> Calls(LoadedModel model)
    {
        EnsureSeen(model);
        var unseen = model.Trace.Registered.Where(layer => !model.Trace.Runs.Any(run => ReferenceEquals(run.Module, layer.Module))).ToList();
        return unseen.Count == 0 ? model.Trace.Runs : throw new ModelProblem(
            $"{model.Label}: {string.Join(", ", unseen.Select(layer => $"{layer.Module.GetType().Name} '{layer.Name}'"))} never ran through .call(x); " +
            "the order of layers cannot be checked. In forward, call every layer as layer.call(x), and remove unused layers.");
    }

    /// <summary>The padding of a Conv2d per side, with 'valid' as 0; null for 'same'.</summary>
    public static long? Padding(Conv2d conv) => conv.padding_type switch
    {
        TorchSharp.Padding.Valid => 0,
        TorchSharp.Padding.Same => null,
        _ => conv.padding?.Max() ?? 0,
    };

    public static string Describe(Conv2d conv) =>
        $"Conv2d {conv.in_channels}→{conv.out_channels}, kernel {string.Join("x", conv.kernel_size)}, stride {string.Join("x", conv.stride)}, " +
        $"padding {(Padding(conv) is { } padding ? padding.ToString(System.Globalization.CultureInfo.InvariantCulture) : "same")}";

    private static void EnsureSeen(LoadedModel model)
    {
        if (model.Trace.Registered.Count == 0)
            throw new ModelProblem($"{model.Label} has no registered layers: call RegisterComponents() at the end of its constructor, " +
                                   "so TorchSharp finds the layer fields.");
        if (model.Trace.Runs.Count == 0)
            throw new ModelProblem(
                $"{model.Label}: none of its {model.Trace.Registered.Count} layers was seen running. Either no forward pass ran yet, or forward " +
                "calls its layers with .forward(x): TorchSharp fires hooks only for submodules invoked with .call(x). Use layer.call(x).");
    }
}
