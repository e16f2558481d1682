using TorchSharp.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>
/// One backward pass of an MSE loss against a random target, on a random batch, and the weight
/// gradient of every Conv2d with what explains its size: fan-in, weight count, input scale.
/// </summary>
public static class GradientProbe
{
    public sealed record Row(string Layer, double L2Norm, double MeanAbsolute, long FanIn, long Weights, double InputRms);

    public static IReadOnlyList<Row> Measure(ModelContext context, long batch)
    {
        var model = context.Model;
        model.Module.train();
        model.Module.zero_grad();
        model.Trace.Clear();
        using (var scope = NewDisposeScope())
        {
            var input = context.NewInput(batch);
            var output = SafeForward.Call(model.Module, input, model.Label);
            var target = randn_like(output);
            nn.functional.mse_loss(output, target).backward();
        }
        var convs = LayerInspection.RanLayers(model, new LayerKinds(["Conv2d"]));
        if (convs.Count == 0) throw new Models.ModelProblem($"{model.Label}: no Conv2d ran, so there is no gradient to compare.");
        using var rows = NewDisposeScope();
        return convs.Select(run => RowOf(run)).ToList();
    }

    public static double Value(Row row, string measure) => measure switch
    {
        "L2 norm" => row.L2Norm,
        "mean absolute value" => row.MeanAbsolute,
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Use 'L2 norm' or 'mean absolute value'."),
    };

    private static Row RowOf(LayerRun run)
    {
        var conv = (Conv2d)run.Module;
        var gradient = conv.weight!.grad ?? throw new Models.ModelProblem(
            $"Conv2d '{run.Name}' got no gradient: is its weight frozen (requires_grad = false) or detached from the output?");
        return new Row(run.Name, gradient.norm().ToDouble(), gradient.abs().mean().ToDouble(),
            conv.in_channels / conv.groups * conv.kernel_size.Aggregate(1L, (a, b) => a * b), conv.weight.numel(),
            run.Input.square().mean().sqrt().ToDouble());
    }
}
