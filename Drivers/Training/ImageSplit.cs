using ConvSpecs.Data;

namespace ConvSpecs.Drivers.Training;

/// <summary>Some images of a data set, chosen by index, with a sentence that says which.</summary>
public sealed record ImageSplit(LabeledImages Images, int[] Indices, string Description)
{
    public int Count => Indices.Length;

    /// <summary>
    /// Up to <paramref name="limit"/> of the candidate indices in a seeded random order (all when null). A random
    /// subset rather than the first images, since a prepared file may be sorted by class.
    /// </summary>
    public static ImageSplit Choose(LabeledImages images, int[] candidates, int? limit, long seed, int stream, string description)
    {
        var order = SeededOrder.Shuffle(candidates, seed, stream);
        var count = Math.Min(limit ?? order.Length, order.Length);
        var chosen = order[..count];
        return new ImageSplit(images, chosen, $"{count:N0} of {description}");
    }
}
