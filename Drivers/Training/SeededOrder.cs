namespace ConvSpecs.Drivers.Training;

/// <summary>
/// Reproducible orders from the run's seed: the same subsets and the same data order for every model and on every
/// machine. A seeded System.Random runs the original .NET Framework algorithm, kept for compatibility (SeededOrderTests
/// pins a sequence), and unlike torch's generator it is not advanced by building models.
/// </summary>
public static class SeededOrder
{
    /// <summary>Streams keep the orders drawn from one seed independent of each other.</summary>
    public const int TrainingSubset = 1, ValidationSubset = 2, TestSubset = 3, FirstEpoch = 100;

    public static int[] Shuffle(IReadOnlyList<int> items, long seed, int stream)
    {
        var order = items.ToArray();
        new Random(unchecked((int)(seed * 1_000_003 + stream))).Shuffle(order);
        return order;
    }

    /// <summary>The order of the training images in an epoch (1-based): the same for every model trained with the seed.</summary>
    public static int[] ForEpoch(IReadOnlyList<int> items, long seed, int epoch) => Shuffle(items, seed, FirstEpoch + epoch);
}
