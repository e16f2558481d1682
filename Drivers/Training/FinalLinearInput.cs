using ConvSpecs.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ConvSpecs.Drivers.Training;

/// <summary>
/// The activations entering a model's final Linear (the last Linear to run), read by a forward pre-hook on it: their
/// variance per feature over a batch, population form (divided by N, as seed 000's feats.var(dim=0, unbiased=False)),
/// averaged over the features.
/// </summary>
public static class FinalLinearInput
{
    /// <summary>The last Linear that runs in one forward pass of <paramref name="sample"/>, and its attribute name.</summary>
    public static (string Name, Linear Layer) Find(nn.Module<Tensor, Tensor> model, Tensor sample, string who)
    {
        using var trace = new ForwardTrace(model);
        SafeForward.Evaluate(model, sample, who).Dispose();
        var last = trace.Runs.LastOrDefault(run => run.Module is Linear)
                   ?? throw new ModelProblem($"{who}: no Linear ran through .call(x), so there is no final Linear whose input could be measured.");
        return (last.Name, (Linear)last.Module);
    }

    /// <summary>The variance entering <paramref name="final"/> when <paramref name="batch"/> runs through the model in evaluation mode.</summary>
    public static double Variance(nn.Module<Tensor, Tensor> model, Linear final, Tensor batch, string who)
    {
        double? variance = null;
        var hook = final.register_forward_pre_hook((_, input) =>
        {
            variance = PerFeatureVariance(input);
            return input;
        });
        try
        {
            SafeForward.Evaluate(model, batch, who).Dispose();
        }
        finally
        {
            hook.remove();
        }
        return variance ?? throw new ModelProblem($"{who}: the final Linear did not run in this forward pass.");
    }

    /// <summary>Features are the last dimension; every other dimension counts as samples.</summary>
    public static double PerFeatureVariance(Tensor input)
    {
        using var scope = NewDisposeScope();
        return input.reshape(-1, input.shape[^1]).to_type(ScalarType.Float64).var(0, unbiased: false).mean().ToDouble();
    }
}
