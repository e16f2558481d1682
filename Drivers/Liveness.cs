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
    /// <summary>Whether disturbing every output of the layer changes the model's output on the scenario's input.</summary>
    public static bool Affects(ModelContext context, nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (module is not nn.Module<Tensor, Tensor> layer) return true;
        var model = context.Model;
        var input = context.Input ?? throw new InvalidOperationException("No input yet: a 'When a random batch … passes through' step must come first.");
        model.Trace.Paused = true;
        try
        {
            using var plain = SafeForward.Evaluate(model.Module, input, model.Label);
            using var hook = new Disturbance(layer);
            using var disturbed = SafeForward.Evaluate(model.Module, input, model.Label);
            using var scope = NewDisposeScope();
            return !plain.shape.SequenceEqual(disturbed.shape) || (plain - disturbed).abs().max().ToDouble() > 0;
        }
        finally
        {
            model.Trace.Paused = false;
        }
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
