using static TorchSharp.torch;

namespace ConvSpecs.Data;

/// <summary>
/// Images with one class label each, held in memory: pixels in [0, 1], laid out (N, C, H, W) row-major like a
/// TorchSharp tensor, so a batch is a copy of whole images.
/// </summary>
public sealed class LabeledImages
{
    public LabeledImages(string name, float[] pixels, long[] labels, int channels, int height, int width, string sourceSha256)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceSha256);
        if ((long)labels.Length * channels * height * width != pixels.Length)
            throw new ArgumentException($"{pixels.Length} pixels are not {labels.Length} images of {channels}×{height}×{width}", nameof(pixels));

        Name = name;
        Pixels = pixels;
        Labels = labels;
        Channels = channels;
        Height = height;
        Width = width;
        SourceSha256 = sourceSha256;
    }

    /// <summary>Where the images came from, e.g. "mnist-10k/train".</summary>
    public string Name { get; }

    /// <summary>Every pixel in [0, 1], shape (Count, Channels, Height, Width), row-major.</summary>
    public float[] Pixels { get; }

    public long[] Labels { get; }

    public int Count => Labels.Length;

    public int Channels { get; }

    public int Height { get; }

    public int Width { get; }

    /// <summary>SHA-256 (lower-case hex) of the source files' bytes as read, concatenated in reading order.</summary>
    public string SourceSha256 { get; }

    /// <summary>The images at <paramref name="indices"/> as a float32 (B, C, H, W) tensor and their labels as an int64 (B) tensor.</summary>
    /// <remarks>
    /// The pixels are copied once, by libtorch, from a tensor that shares this object's array: training calls this for
    /// every batch, and copying through .NET arrays left a large-object-heap array or two per batch for the GC, which
    /// grew the process by over 100 MiB an epoch before a collection came.
    /// </remarks>
    public (Tensor Images, Tensor Labels) Batch(ReadOnlySpan<int> indices, Device? device = null)
    {
        var chosen = new long[indices.Length];
        for (var b = 0; b < indices.Length; b++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(indices[b], nameof(indices));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(indices[b], Count, nameof(indices));
            chosen[b] = indices[b];
        }

        using var scope = NewDisposeScope();
        var rows = tensor(chosen);
        var images = from_array(Pixels).view(Count, Channels, Height, Width).index_select(0, rows);
        var labels = from_array(Labels).index_select(0, rows);
        return (images.to(device ?? CPU).MoveToOuterDisposeScope(), labels.to(device ?? CPU).MoveToOuterDisposeScope());
    }

    /// <summary>
    /// Single-channel images zero-padded to size×size (centred; an odd margin puts the extra row and column at the
    /// bottom and right) and repeated over <paramref name="channels"/> channels, e.g. MNIST 1×28×28 → 3×32×32 for
    /// models built for CIFAR-10. Labels, source and checksum are shared; the name says the new shape.
    /// </summary>
    public LabeledImages PadAndRepeat(int size, int channels)
    {
        if (Channels != 1) throw new InvalidOperationException($"{Name}: only single-channel images are repeated over channels, these have {Channels}");
        ArgumentOutOfRangeException.ThrowIfLessThan(size, Math.Max(Height, Width));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);

        var top = (size - Height) / 2;
        var left = (size - Width) / 2;
        var plane = size * size;
        var padded = new float[Count * channels * plane];
        for (var n = 0; n < Count; n++)
        {
            var first = padded.AsSpan(n * channels * plane, plane);
            for (var row = 0; row < Height; row++)
                Pixels.AsSpan((n * Height + row) * Width, Width).CopyTo(first[((top + row) * size + left)..]);
            for (var c = 1; c < channels; c++) first.CopyTo(padded.AsSpan((n * channels + c) * plane, plane));
        }

        return new LabeledImages($"{Name} as {channels}×{size}×{size}", padded, Labels, channels, size, size, SourceSha256);
    }
}
