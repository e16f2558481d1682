using System.Text.RegularExpressions;

namespace ConvSpecs.Drivers;

/// <summary>
/// A tensor shape as the features write it, "(64, 16, 16)" or "(B, 64, 8, 8)": a letter stands for
/// the batch size of the run.
/// </summary>
public sealed partial record Shape(IReadOnlyList<string> Dimensions)
{
    public static Shape Parse(string text) =>
        new(text.Trim('(', ')', ' ').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    public static string Format(IEnumerable<long> dimensions) => $"({string.Join(", ", dimensions)})";

    public int Rank => Dimensions.Count;

    /// <summary>The concrete dimensions for a batch size: "B" becomes the batch.</summary>
    public long[] Resolve(long batch) =>
        Dimensions.Select(dimension => Letter().IsMatch(dimension) ? batch : long.Parse(dimension, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    public override string ToString() => $"({string.Join(", ", Dimensions)})";

    [GeneratedRegex("^[A-Za-z]+$")]
    private static partial Regex Letter();
}
