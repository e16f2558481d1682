using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>
/// Whether a layer is on the path to the model's output: its output is disturbed during a second forward pass
/// on the same input, and the model's output must change. A layer whose result is thrown away (a MaxPool2d
/// computed and ignored, a 1x1 convolution on a side branch) runs, but does nothing the model gives.
/// </summary>
public static class Liveness
{
    /// <summary>The modules among <paramref name="modules"/> whose disturbed output leaves the model's output unchanged.</summary>
    public static IReadOnlyList<nn.Module> Dead(ModelContext context, IEnumerable<nn.Module> modules)
    {
        ArgumentNullException.ThrowIfNull(context);
        var model = context.Model;
        var input = context.Input ?? throw new InvalidOperationException("No input yet: a 'When a random batch … passes through' step must come first.");
        var proven = Chained(model.Trace.Runs, context.Output);
        var unproven = modules.Where(module => !proven.Contains(module, ReferenceEqualityComparer.Instance)).ToList();
        if (unproven.Count == 0) return [];
        model.Trace.Paused = true;
        try
        {
            using var plain = SafeForward.Evaluate(model.Module, input, model.Label);
            return [.. unproven.Where(module => module is nn.Module<Tensor, Tensor> layer && !Changes(model, input, plain, layer))];
        }
        finally
        {
            model.Trace.Paused = false;
        }
    }

    /// <summary>
    /// The layers the trace already shows on the path, without another forward pass: walking back from the output, each
    /// call whose output is exactly what the next proven call received (or what the model returned). A plain chain of
    /// layers is proven whole; a branch, or a functional call between two layers, leaves the rest to disturbance.
    /// </summary>
    private static List<nn.Module> Chained(IReadOnlyList<LayerRun> runs, Tensor? output)
    {
        var proven = new List<nn.Module>();
        var next = output;
        for (var i = runs.Count - 1; i >= 0 && next is not null; i--)
        {
            if (!Same(runs[i].Output, next)) break;
            proven.Add(runs[i].Module);
            next = runs[i].Input;
        }
        return proven;
    }

    private static bool Same(Tensor given, Tensor received)
    {
        if (!given.shape.SequenceEqual(received.shape)) return false;
        using var scope = NewDisposeScope();
        return (given.cpu() - received.cpu()).abs().max().ToDouble() == 0;
    }

    private static bool Changes(LoadedModel model, Tensor input, Tensor plain, nn.Module<Tensor, Tensor> layer)
    {
        using var hook = new Disturbance(layer);
        using var disturbed = SafeForward.Evaluate(model.Module, input, model.Label);
        using var scope = NewDisposeScope();
        return !plain.shape.SequenceEqual(disturbed.shape) || (plain - disturbed).abs().max().ToDouble() > 0;
    }

    // adds a deterministic, non-constant pattern as large as the output itself (no draw from the run's generator)
    private sealed class Disturbance : IDisposable
    {
        private readonly Action remove;

        public Disturbance(nn.Module<Tensor, Tensor> layer) =>
            remove = layer.register_forward_hook((_, _, output) =>
                output + (1 + output.abs().max()) * arange(output.numel(), dtype: output.dtype, device: output.device).reshape(output.shape).sin()).remove;

        public void Dispose() => remove();
    }
}
