namespace ConvSpecs.Drivers.Training;

/// <summary>
/// Where a learning curve stops improving: the first epoch whose value is within <see cref="Margin"/> of the best of
/// the whole run, so that no later epoch improves on it by more than the margin.
/// </summary>
public sealed record Plateau(int Epoch, double Value, int BestEpoch, double Best, double Margin, int Epochs)
{
    /// <summary>The plateau of one value per epoch (epoch 1 first); larger is better.</summary>
    public static Plateau Of(IReadOnlyList<double> values, double margin)
    {
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        var best = values.Max();
        var bestIndex = values.ToList().IndexOf(best);
        var index = values.ToList().FindIndex(value => value >= best - margin);
        return new Plateau(index + 1, values[index], bestIndex + 1, best, margin, values.Count);
    }

    /// <summary>Whether the curve flattened before the run ended: the last epoch no longer improved by more than the margin.</summary>
    public bool ReachedBeforeTheLastEpoch => Epoch < Epochs;
}
