using ConvSpecs.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>What the forward trace says about a model's layers: which ran, in what order, with what settings.</summary>
public static class LayerInspection
{
    private static readonly LayerKinds PaddingLayers = new(["ZeroPad2d", "ConstantPad2d", "ReflectionPad2d", "ReplicationPad2d"]);

    /// <summary>
    /// Every call of a layer of the given kinds, in execution order: a layer called twice counts twice. A registered
    /// layer of those kinds that never ran is an error: the specs cannot tell an unused layer from one called with .forward.
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
        return model.Trace.Runs.Where(run => kinds.Matches(run.Module)).ToList();
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

    /// <summary>"conv1 ran 5 times" for every layer called more than once; empty when none is.</summary>
    public static string Reuse(IEnumerable<LayerRun> runs) =>
        string.Join(", ", runs.GroupBy(run => run.Module, ReferenceEqualityComparer.Instance).Where(group => group.Count() > 1)
            .Select(group => $"{group.First().Name} ran {group.Count()} times"));

    /// <summary>Functional calls in forward that compute what a layer of these kinds computes (functional.conv2d for Conv2d).</summary>
    public static IReadOnlyList<FunctionalCall> FunctionalLike(LoadedModel model, LayerKinds kinds)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(kinds);
        return model.Calling([.. kinds.Names.SelectMany(LayerKinds.OperationsOf).Distinct()]);
    }

    /// <summary>The padding of a Conv2d per side, with 'valid' as 0; null for 'same'.</summary>
    public static long? Padding(Conv2d conv) => conv.padding_type switch
    {
        TorchSharp.Padding.Valid => 0,
        TorchSharp.Padding.Same => null,
        _ => conv.padding?.Max() ?? 0,
    };

    /// <summary>A Conv2d call with the padding it was built with and the padding it has in effect, border added in front of it included.</summary>
    public sealed record ConvolutionPadding(LayerRun Run, long? Declared, long? Effective, string Source)
    {
        public string Describe() => Declared == Effective
            ? $"{Run.Name}: {LayerInspection.Describe((Conv2d)Run.Module)}"
            : $"{Run.Name}: {LayerInspection.Describe((Conv2d)Run.Module)}, but its input was padded from {Source}: in effect padding {Effective}";
    }

    /// <summary>
    /// The padding each Conv2d call has in effect: its own, plus the border its input gained since the tensor before it
    /// (the model's input, or the output of the previous layer that is not a padding layer). functional.pad(x, 1)
    /// before a padding-0 convolution is padding 1: the convolution loses no border.
    /// </summary>
    public static IReadOnlyList<ConvolutionPadding> EffectivePadding(LoadedModel model, Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var runs = RanLayers(model, new LayerKinds(["Conv2d"]));
        var all = model.Trace.Runs.ToList();
        var result = new List<ConvolutionPadding>();
        foreach (var run in runs)
        {
            var declared = Padding((Conv2d)run.Module);
            var before = all.Take(all.IndexOf(run)).LastOrDefault(previous => !PaddingLayers.Matches(previous.Module))?.OutputShape ?? input.shape;
            var added = before.Length == 4 && run.InputShape.Length == 4 && before[1] == run.InputShape[1]
                ? Math.Max(0, Math.Min(run.InputShape[2] - before[2], run.InputShape[3] - before[3]) / 2) : 0;
            result.Add(new ConvolutionPadding(run, declared, declared + added,
                $"{before[^2]}×{before[^1]} to {run.InputShape[^2]}×{run.InputShape[^1]}"));
        }
        return result;
    }

    public static string Describe(Conv2d conv) =>
        $"Conv2d {conv.in_channels}→{conv.out_channels}, kernel {string.Join("x", conv.kernel_size)}, stride {string.Join("x", conv.stride)}, " +
        $"padding {(Padding(conv) is { } padding ? padding.ToString(System.Globalization.CultureInfo.InvariantCulture) : "same")}";

    private static void EnsureSeen(LoadedModel model)
    {
        Registration.Ensure(model);
        if (model.Trace.Registered.Count == 0)
            throw new ModelProblem($"{model.Label} has no registered layers: call RegisterComponents() at the end of its constructor, " +
                                   "so TorchSharp finds the layer fields.");
        if (model.Trace.Runs.Count == 0)
            throw new ModelProblem(
                $"{model.Label}: none of its {model.Trace.Registered.Count} layers was seen running. Either no forward pass ran yet, or forward " +
                "calls its layers with .forward(x): TorchSharp fires hooks only for submodules invoked with .call(x). Use layer.call(x).");
    }
}
