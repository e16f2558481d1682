using System.ComponentModel;
using ConvSpecs.Bridge;
using ConvSpecs.Drivers;
using ConvSpecs.Reports;
using FluentAssertions;
using TorchSharp.Modules;

namespace ConvSpecs.StepDefinitions;

[Binding]
[Description("Which layers run, how many, in what order and with what settings, as forward hooks see them.")]
public sealed class LayerStepDefinitions(ModelContext context, ScenarioEvidence evidence)
{
    [Then("at most {int} {layer} layer(s) run(s)")]
    [Description("Counts the distinct layers of these types that ran in the forward pass.")]
    public void ThenAtMost(int limit, LayerKinds kinds) => Count(kinds).Should().BeLessThanOrEqualTo(limit, $"at most {limit} {kinds} layers may run");

    [Then("at least {int} {layer} layer(s) run(s)")]
    [Description("Counts the distinct layers of these types that ran in the forward pass.")]
    public void ThenAtLeast(int minimum, LayerKinds kinds) => Count(kinds).Should().BeGreaterThanOrEqualTo(minimum, $"at least {minimum} {kinds} layers must run");

    [Then("exactly {int} {layer} layer(s) run(s)")]
    [Description("Counts the distinct layers of these types that ran in the forward pass; weight layers are numbered in this order.")]
    public void ThenExactly(int count, LayerKinds kinds) => Count(kinds).Should().Be(count, $"exactly {count} {kinds} layers must run");

    [Then("at least {int} Conv2d layer(s) use(s) padding {int}")]
    [Description("Counts the Conv2d layers that ran with this padding on every side ('valid' counts as 0).")]
    public void ThenConvolutionsUsePadding(int minimum, int padding)
    {
        var convs = LayerInspection.RanLayers(context.Model, new LayerKinds(["Conv2d"])).Select(run => (Conv2d)run.Module).ToList();
        evidence.Record("Conv2d layers", string.Join("; ", convs.Select(LayerInspection.Describe)));
        convs.Count(conv => LayerInspection.Padding(conv) == padding).Should().BeGreaterThanOrEqualTo(minimum,
            $"at least {minimum} Conv2d must use padding {padding}");
    }

    [Then("at least {int} layer(s) run(s), alternating {layer} and {layer}")]
    [Description("Every layer call, in execution order, alternates the two types, starting with the first, for at least this many calls.")]
    public void ThenLayersAlternate(int minimum, LayerKinds first, LayerKinds second)
    {
        var calls = LayerInspection.Calls(context.Model);
        evidence.Record("layer calls in order", string.Join(" → ", calls.Select(call => call.Kind)));
        calls.Count.Should().BeGreaterThanOrEqualTo(minimum, $"at least {minimum} layers must run");
        var misplaced = calls.Select((call, i) => (call, i)).FirstOrDefault(pair => !(pair.i % 2 == 0 ? first : second).Matches(pair.call.Module));
        misplaced.call.Should().BeNull(misplaced.call is null ? "" :
            $"layer {misplaced.i + 1} ('{misplaced.call.Name}') is {misplaced.call.Kind} where {(misplaced.i % 2 == 0 ? first : second)} must come");
    }

    [Then("a {int}x{int} Conv2d has fewer output than input channels")]
    [Description("Some Conv2d that ran has this kernel size and reduces the number of channels.")]
    public void ThenAConvolutionReducesChannels(int height, int width)
    {
        var convs = LayerInspection.RanLayers(context.Model, new LayerKinds(["Conv2d"])).Select(run => (Conv2d)run.Module).ToList();
        evidence.Record("Conv2d layers", string.Join("; ", convs.Select(LayerInspection.Describe)));
        convs.Should().Contain(conv => conv.kernel_size.SequenceEqual(new long[] { height, width }) && conv.out_channels < conv.in_channels,
            $"a {height}x{width} Conv2d must reduce the channels (measured: {string.Join("; ", convs.Select(LayerInspection.Describe))})");
    }

    private int Count(LayerKinds kinds)
    {
        var layers = LayerInspection.RanLayers(context.Model, kinds);
        evidence.Record($"{kinds} layers that ran", layers.Count, "layers");
        evidence.Record($"{kinds} layers in order", string.Join(", ", layers.Select(layer => $"{layer.Name} ({layer.Kind})")));
        return layers.Count;
    }
}
