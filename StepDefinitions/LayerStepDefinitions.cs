using System.ComponentModel;
using Reqnroll;
using ConvSpecs.Drivers;
using ConvSpecs.Reports;
using TorchSharp.Modules;

namespace ConvSpecs.StepDefinitions;

[Binding]
[Description("Which layers run, how many, in what order and with what settings, as forward hooks and the forward's source see them.")]
public sealed class LayerStepDefinitions(ModelContext context, ScenarioEvidence evidence)
{
    [Then("at most {int} {layer} layer(s) run(s)")]
    [Description("Counts calls (a layer called twice counts twice) plus the functional calls in forward that compute the same (functional.conv2d for Conv2d).")]
    public void ThenAtMost(int limit, LayerKinds kinds)
    {
        var count = Count(kinds, checkPath: false);
        Require.That(count.Total <= limit, () => $"At most {limit} {kinds} layers may run; measured {count.Describe()}, {count.Total} in all. " +
                                               $"Remove {count.Total - limit} of them{(count.Functional.Count > 0 ? "; a functional call counts as the layer it computes" : "")}.");
    }

    [Then("at least {int} {layer} layer(s) run(s)")]
    [Description("Counts the calls of layers of these types whose output reaches the model's output; functional calls are named, not counted: the rule asks for layers.")]
    public void ThenAtLeast(int minimum, LayerKinds kinds)
    {
        var count = Count(kinds, checkPath: true);
        Require.That(count.Live >= minimum, () => $"At least {minimum} {kinds} layer{(minimum == 1 ? "" : "s")} must run on the path to the output; measured {count.Describe()}. " +
                                                 $"Use {kinds} layers (fields called with .call(x)) whose result the model's output depends on.");
    }

    [Then("exactly {int} {layer} layer(s) run(s)")]
    [Description("Counts calls plus functional calls that compute the same; every counted layer must be on the path to the output. Weight layers are numbered in this order.")]
    public void ThenExactly(int expected, LayerKinds kinds)
    {
        var count = Count(kinds, checkPath: true);
        Require.That(count.Total == expected && count.Dead.Count == 0, () => $"Exactly {expected} {kinds} layers must run, each on the path to the output; " +
                                                                             $"measured {count.Describe()}, {count.Total} in all.");
    }

    [Then("at least {int} Conv2d layer(s) use(s) padding {int}")]
    [Description("Counts the Conv2d calls on the path to the output whose padding in effect is this: their own ('valid' is 0) plus any border added to their input in front of them (functional.pad, ZeroPad2d).")]
    public void ThenConvolutionsUsePadding(int minimum, int padding)
    {
        var convs = LayerInspection.EffectivePadding(context.Model, context.Input!);
        var count = LayerCount.Of(context, new LayerKinds(["Conv2d"]), checkPath: true);
        evidence.Record("Conv2d layers", string.Join("; ", convs.Select(conv => conv.Describe())));
        var pads = context.Model.Calling(Operation.Padding);
        if (pads.Count > 0) evidence.Record("padding in forward", string.Join("; ", pads));
        var matching = convs.Where(conv => conv.Effective == padding && !count.Dead.Contains(conv.Run)).ToList();
        Require.That(matching.Count >= minimum, () => $"At least {minimum} Conv2d must use padding {padding} in effect, on the path to the output; measured: " +
                                                     $"{string.Join("; ", convs.Select(conv => conv.Describe()))}" +
                                                     (pads.Count > 0 ? $". forward calls {string.Join("; ", pads)}: a border added in front of a convolution is its padding" : "") +
                                                     (count.Dead.Count > 0 ? $". {count.Describe()}" : "") + ".");
    }

    [Then("at least {int} layer(s) run(s), alternating {layer} and {layer}")]
    [Description("Every layer call, in execution order, alternates the two types, starting with the first, for at least this many calls; a ReLU forward applies as a function counts where it was measured (the next layer receives exactly relu of the previous one's output).")]
    public void ThenLayersAlternate(int minimum, LayerKinds first, LayerKinds second)
    {
        var steps = LayerSequence.Of(context);
        evidence.Record("layers in order", string.Join(" → ", steps));
        var hint = context.Model.FunctionalCalls is { Count: > 0 } calls ? $" forward also calls {string.Join("; ", calls)}." : "";
        Require.That(steps.Count >= minimum, () => $"At least {minimum} layers must run, alternating {first} and {second}; measured {steps.Count}: {string.Join(" → ", steps)}.{hint}");
        var misplaced = steps.Select((step, i) => (step, i)).FirstOrDefault(pair => !pair.step.Is(pair.i % 2 == 0 ? first : second));
        Require.That(misplaced.step is null, () => $"Layers must alternate {first} and {second}, starting with {first}; layer {misplaced.i + 1} ('{misplaced.step!.Name}') " +
                                                   $"is {misplaced.step.Kind} where {(misplaced.i % 2 == 0 ? first : second)} must come. Measured: {string.Join(" → ", steps)}.{hint}");
    }

    [Then("a {int}x{int} Conv2d has fewer output than input channels")]
    [Description("Some Conv2d that ran with this kernel size reduces the number of channels, and its output reaches the model's output.")]
    public void ThenAConvolutionReducesChannels(int height, int width)
    {
        var count = LayerCount.Of(context, new LayerKinds(["Conv2d"]), checkPath: true);
        var descriptions = string.Join("; ", count.Calls.Select(run => $"{run.Name}: {LayerInspection.Describe((Conv2d)run.Module)}").Distinct());
        evidence.Record("Conv2d layers", descriptions);
        var reducing = count.Calls.Where(run => run.Module is Conv2d conv && conv.kernel_size.SequenceEqual(new long[] { height, width }) && conv.out_channels < conv.in_channels).ToList();
        Require.That(reducing.Any(run => !count.Dead.Contains(run)), () =>
            $"A {height}x{width} Conv2d on the path to the output must reduce the channels; measured {descriptions}" +
            (reducing.Count > 0 ? $". The output of {string.Join(", ", reducing.Select(run => $"'{run.Name}'").Distinct())} does not reach the model's output: use its result" : "") +
            (count.Functional.Count > 0 ? $". {count.FunctionalText()}" : "") + ".");
    }

    private LayerCount Count(LayerKinds kinds, bool checkPath)
    {
        var count = LayerCount.Of(context, kinds, checkPath);
        evidence.Record($"{kinds} layers that ran", count.Total, count.Functional.Count > 0 ? "layer calls and functional calls" : "layer calls");
        evidence.Record($"{kinds} layers in order", string.Join(", ", count.Calls.Select(layer => $"{layer.Name} ({layer.Kind})")));
        if (LayerInspection.Reuse(count.Calls) is { Length: > 0 } reuse) evidence.Record($"{kinds} layers reused", reuse);
        if (count.Functional.Count > 0) evidence.Record($"functional calls counted as {kinds}", string.Join("; ", count.Functional));
        if (count.Dead.Count > 0) evidence.Record($"{kinds} layers off the path to the output", string.Join(", ", count.Dead.Select(run => run.Name).Distinct()));
        return count;
    }
}
