using System.Globalization;
using ConvSpecs.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>Weight layers (Conv2d, Linear) in execution order and the variance of their weights.</summary>
public static class WeightVariance
{
    public static readonly LayerKinds WeightLayers = new(["Conv2d", "Linear"]);

    /// <summary>
    /// Fresh constructions the ratio is averaged over. One draw of a 2 304-weight layer is off by ±4 % (one standard
    /// deviation), so a correct model passed ±5 % in 28 of 40 seeds; over ten the mean's error is ±1.3 %.
    /// </summary>
    public const int Constructions = 10;

    /// <summary>Constructions made first; large layers vary so little that they decide.</summary>
    public const int FirstConstructions = 3;

    /// <summary>How many standard errors of the mean the tolerance grows to when the layers are too small for the stated one.</summary>
    public const double StandardErrors = 4;

    /// <summary>The ratio of two layers' weight variances over fresh constructions of the model: its mean, spread and each value.</summary>
    public sealed record InitialisationRatio(string Layer, string Reference, double[] Ratios)
    {
        public double Mean => Ratios.Average();

        /// <summary>The sample standard deviation of the ratios: how much one construction varies.</summary>
        public double Spread => Ratios.Length < 2 ? 0 : Math.Sqrt(Ratios.Sum(ratio => (ratio - Mean) * (ratio - Mean)) / (Ratios.Length - 1));

        public double StandardError => Spread / Math.Sqrt(Ratios.Length);

        /// <summary>The stated tolerance, or more when the sampling error of the mean is larger than a quarter of it.</summary>
        public double Tolerance(double factor, double percent) => Math.Max(factor * percent / 100, StandardErrors * StandardError);

        /// <summary>
        /// Whether these ratios decide already: inside half the stated tolerance, or outside twice it, by four of
        /// their standard errors (from few constructions the error is itself rough, hence the margins).
        /// </summary>
        public bool IsClear(double factor, double percent)
        {
            var (distance, stated, error) = (Math.Abs(Mean - factor), factor * percent / 100, StandardErrors * StandardError);
            return distance + error <= stated / 2 || distance - error >= 2 * stated;
        }

        public string Values => string.Join(", ", Ratios.Select(ratio => ratio.ToString("F3", CultureInfo.InvariantCulture)));
    }

    /// <summary>The population variance of the weights of the n-th weight layer call (1-based, execution order).</summary>
    public static double Of(LoadedModel model, int layer) => VarianceOf(Layer(model, layer).Module);

    /// <summary>
    /// Var(W[layer]) / Var(W[reference]) over fresh constructions, each seeded from the run's seed: the rule is about how
    /// the model initialises its weights, not about one draw. Three constructions decide when the verdict is clear by a
    /// wide margin (large layers: the reference's ratios spread by ±0.5 %); otherwise ten are made. The generator is re-seeded
    /// with the run's seed afterwards, so what follows in the scenario draws the same numbers as before.
    /// </summary>
    public static InitialisationRatio Ratio(ModelContext context, int layer, int reference, double factor, double percent)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (top, bottom) = (Layer(context.Model, layer).Name, Layer(context.Model, reference).Name);
        var variances = FreshVariances.GetValue(context.Model, _ => []);
        InitialisationRatio Measured() => new(top, bottom, [.. variances.Select(construction => construction[top] / construction[bottom])]);
        Construct(context, variances, FirstConstructions);
        if (!Measured().IsClear(factor, percent)) Construct(context, variances, Constructions);
        return Measured();
    }

    // one set of constructions per model under test: the scenario compares layer 3 with 2, then with 4
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<LoadedModel, List<Dictionary<string, double>>> FreshVariances = new();

    private static void Construct(ModelContext context, List<Dictionary<string, double>> constructions, int count)
    {
        var entry = context.Entry ?? throw new InvalidOperationException("Load the model first.");
        var names = LayerInspection.RanLayers(context.Model, WeightLayers).Select(run => run.Name).Distinct().ToList();
        try
        {
            for (var k = constructions.Count; k < count; k++)
            {
                random.manual_seed(unchecked(context.Settings.Seed + 7919L * (k + 1)));
                using var fresh = entry.Create();
                constructions.Add(names.ToDictionary(name => name, name => VarianceOf(Named(fresh, name))));
            }
        }
        finally
        {
            random.manual_seed(context.Settings.Seed);
        }
    }

    public static double VarianceOf(nn.Module layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        using var scope = NewDisposeScope();
        var weight = layer.named_parameters(recurse: false).First(named => named.name == "weight").parameter;
        // nb. Tensor.var(unbiased: false) ignores the flag in TorchSharp 0.107; the form with a dimension honours it
        return weight.flatten().var(0L, unbiased: false).ToDouble();
    }

    private static LayerRun Layer(LoadedModel model, int layer)
    {
        var layers = LayerInspection.RanLayers(model, WeightLayers);
        if (LayerInspection.FunctionalLike(model, WeightLayers) is { Count: > 0 } functional)
            throw new RuleNotMet($"{model.Label}: forward computes with weights outside Conv2d/Linear layers ({string.Join("; ", functional)}), " +
                                 "so its layers cannot be numbered. Write every layer with weights as a Conv2d or Linear layer called with .call(x).");
        if (layer < 1 || layer > layers.Count)
            throw new ModelProblem($"{model.Label}: weight layer {layer} was asked for, but only {layers.Count} Conv2d/Linear layers ran.");
        return layers[layer - 1];
    }

    private static nn.Module Named(nn.Module model, string name) =>
        model.named_modules().FirstOrDefault(named => named.name == name).module
        ?? throw new ModelProblem($"A fresh construction of the model has no layer '{name}': build the same layers every time.");
}
