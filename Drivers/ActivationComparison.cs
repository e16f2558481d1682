using ConvSpecs.Reports;
using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>Variant 1's experiment: activations after global average pooling of the model and its control twin.</summary>
public sealed record ActivationComparison(double[] Model, double[] Control)
{
    public double VarianceRatio => Variance(Model) / Variance(Control);

    public static ActivationComparison Of(ModelContext context) =>
        new(Pool(context.Output ?? throw new InvalidOperationException("Run the model and its twin first.")),
            Pool(context.TwinOutput ?? throw new InvalidOperationException("No control twin output.")));

    public void Record(ScenarioEvidence evidence)
    {
        foreach (var (name, values) in new[] { ("model", Model), ("control twin", Control) })
        {
            evidence.Record($"mean after GAP, {name}", values.Average());
            evidence.Record($"std after GAP, {name}", Math.Sqrt(Variance(values)));
            evidence.Record($"variance after GAP, {name}", Variance(values));
        }
        evidence.Record("variance ratio model / control", VarianceRatio, "×");
    }

    // global average pooling over the spatial dimensions, whatever the output's rank
    private static double[] Pool(Tensor output)
    {
        using var scope = NewDisposeScope();
        var pooled = output.dim() > 2 ? output.flatten(2).mean([2]) : output;
        return pooled.flatten().to_type(ScalarType.Float64).data<double>().ToArray();
    }

    private static double Variance(double[] values)
    {
        var mean = values.Average();
        return values.Sum(value => (value - mean) * (value - mean)) / values.Length;
    }
}
