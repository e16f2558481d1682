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

    private int ImageLength => Channels * Height * Width;

    /// <summary>The images at <paramref name="indices"/> as a float32 (B, C, H, W) tensor and their labels as an int64 (B) tensor.</summary>
    public (Tensor Images, Tensor Labels) Batch(ReadOnlySpan<int> indices, Device? device = null)
    {
        var images = new float[indices.Length * ImageLength];
        var labels = new long[indices.Length];
        for (var b = 0; b < indices.Length; b++)
        {
            var index = indices[b];
            ArgumentOutOfRangeException.ThrowIfNegative(index, nameof(indices));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count, nameof(indices));
            Pixels.AsSpan(index * ImageLength, ImageLength).CopyTo(images.AsSpan(b * ImageLength));
            labels[b] = Labels[index];
        }

        return (tensor(images, [indices.Length, Channels, Height, Width], device: device),
                tensor(labels, [indices.Length], device: device));
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
