using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>
/// After a forward pass went wrong, runs it once more with hooks on every leaf layer to say where: the layer that
/// threw (the one entered and never left), with what it expects and what it got; or the first layer whose output
/// holds NaN or Inf. Only on failure: the hooks cost nothing on a forward pass that works.
/// </summary>
public static class ForwardDiagnosis
{
    /// <summary>One layer call of the diagnostic pass: its input shape, and whether its input and output were finite.</summary>
    public sealed record Step(string Name, nn.Module Layer, long[] InputShape, bool InputFinite)
    {
        public bool Finished { get; set; }
        public bool OutputFinite { get; set; } = true;
        public string Kind => Layer.GetType().Name;
        public override string ToString() => $"{Kind} '{Name}'";
    }

    /// <summary>The layer that threw on <paramref name="input"/>, and what it expected against what it got; null when none can be named.</summary>
    public static string? WhereItThrew(nn.Module<Tensor, Tensor> model, Tensor input)
    {
        var steps = Rerun(model, input);
        if (steps.LastOrDefault(step => !step.Finished) is not { } culprit) return null;
        return Expectation(culprit) is { } expected
            ? $"{culprit} expects {expected.Wanted} but got an input of shape {Shape.Format(culprit.InputShape)} ({expected.Got}). {expected.Fix}"
            : $"{culprit} failed on an input of shape {Shape.Format(culprit.InputShape)}.";
    }

    /// <summary>The first layer whose output was not finite although its input was; null when none (the NaN came from code between layers).</summary>
    public static string? FirstNonFinite(nn.Module<Tensor, Tensor> model, Tensor input)
    {
        var steps = Rerun(model, input);
        if (steps.FirstOrDefault(step => step.Finished && !step.OutputFinite) is not { } first)
            return steps.Count == 0 ? null : $"Every layer's output was finite ({steps.Count} layer calls seen): the NaN or Inf comes from code in forward between layers, or after the last one.";
        return first.InputFinite
            ? $"The first layer whose output went NaN/Inf is {first} (input {Shape.Format(first.InputShape)} was finite): look at its weights and at what it computes."
            : $"The input of the model already held NaN or Inf before {first}, the first layer.";
    }

    private static List<Step> Rerun(nn.Module<Tensor, Tensor> model, Tensor input)
    {
        var steps = new List<Step>();
        var open = new Dictionary<nn.Module, Step>(ReferenceEqualityComparer.Instance);
        var removers = new List<Action>();
        foreach (var (name, module) in model.named_modules().Where(named => !named.module.children().Any()).DistinctBy(named => named.module, ReferenceEqualityComparer.Instance))
        {
            if (module is not nn.Module<Tensor, Tensor> layer) continue;
            var readable = LayerNames.Readable(name);
            removers.Add(layer.register_forward_pre_hook((_, x) =>
            {
                var step = new Step(readable, layer, x.shape, Finite(x));
                steps.Add(step);
                open[layer] = step;
                return x;
            }).remove);
            removers.Add(layer.register_forward_hook((_, _, y) =>
            {
                if (open.Remove(layer, out var step)) { step.Finished = true; step.OutputFinite = Finite(y); }
                return y;
            }).remove);
        }
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            model.call(input);
        }
        catch (Exception)
        {
            // expected: the first pass threw too; the steps say how far it got
        }
        finally
        {
            foreach (var remove in removers) remove();
        }
        return steps;
    }

    private static bool Finite(Tensor x) => !x.is_floating_point() || isfinite(x).all().ToBoolean();

    private static (string Wanted, string Got, string Fix)? Expectation(Step step) => step.Layer switch
    {
        Conv1d conv when step.InputShape.Length >= 2 => Channels(conv.in_channels, step, "Conv1d"),
        Conv2d conv when step.InputShape.Length >= 2 => Channels(conv.in_channels, step, "Conv2d"),
        Conv3d conv when step.InputShape.Length >= 2 => Channels(conv.in_channels, step, "Conv3d"),
        Linear linear when step.InputShape.Length >= 1 => (
            $"{linear.in_features} features in the last dimension",
            $"{step.InputShape[^1]}",
            $"Build it as Linear({step.InputShape[^1]}, {linear.out_features}), or change the layers before it so that they give {linear.in_features} features" +
            (step.InputShape.Length > 2 ? " (a Flatten before a Linear turns (B, C, H, W) into (B, C·H·W))." : ".")),
        _ => null,
    };

    private static (string, string, string) Channels(long wanted, Step step, string kind) => (
        $"{wanted} input channels (dimension 1)",
        $"{step.InputShape[1]} channels",
        $"Build it as {kind}({step.InputShape[1]}, …), or change the layers before it so that they give {wanted} channels.");
}
