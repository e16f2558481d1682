namespace ConvSpecs.Data;

internal static class PixelBytes
{
    /// <summary>Bytes 0–255 as floats in [0, 1]; divided, not multiplied by 1/255, so each is the correctly rounded b / 255 NumPy computes.</summary>
    public static void Scale(ReadOnlySpan<byte> source, Span<float> target)
    {
        for (var i = 0; i < source.Length; i++) target[i] = source[i] / 255f;
    }

    public static float[] Scale(ReadOnlySpan<byte> source)
    {
        var pixels = new float[source.Length];
        Scale(source, pixels);
        return pixels;
    }
}
