namespace ConvSpecs.Data;

/// <summary>One array from a .npy file: its NumPy dtype, shape and values in C (row-major) order.</summary>
public sealed class NpyArray
{
    internal NpyArray(string source, string dtype, int[] shape, Array values)
    {
        Source = source;
        DType = dtype;
        Shape = shape;
        Values = values;
    }

    /// <summary>The file the array came from, e.g. "tiny.npz/X_train.npy", for messages about it.</summary>
    public string Source { get; }

    /// <summary>The dtype as the header spells it: &lt;f4, &lt;f8, &lt;i8, &lt;i4 or |u1.</summary>
    public string DType { get; }

    public IReadOnlyList<int> Shape { get; }

    /// <summary>float[], double[], long[], int[] or byte[], after <see cref="DType"/>.</summary>
    public Array Values { get; }

    /// <summary>Floating-point values as float32; integers are refused, since whether they are 0–255 or 0–1 is not ours to guess.</summary>
    public float[] ToSingles() => Values switch
    {
        float[] singles => singles,
        double[] doubles => Array.ConvertAll(doubles, value => (float)value),
        _ => throw new InvalidDataException($"{Source}: dtype {DType}, expected floating point (<f4 or <f8)"),
    };

    /// <summary>Integer values as int64; floating point is refused.</summary>
    public long[] ToInt64s() => Values switch
    {
        long[] longs => longs,
        int[] ints => Array.ConvertAll(ints, value => (long)value),
        byte[] bytes => Array.ConvertAll(bytes, value => (long)value),
        _ => throw new InvalidDataException($"{Source}: dtype {DType}, expected integers (<i8, <i4 or |u1)"),
    };

    /// <summary>A shape as NumPy prints it: (4, 1, 28, 28), (4,) or ().</summary>
    internal static string Describe(IReadOnlyList<int> shape) => shape.Count == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
}
