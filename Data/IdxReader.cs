using System.Buffers.Binary;
using System.IO.Compression;

namespace ConvSpecs.Data;

/// <summary>
/// Reads MNIST's IDX files (yann.lecun.com/exdb/mnist): a big-endian header of magic number and dimension sizes,
/// then unsigned bytes. A name ending in .gz is gunzipped first, as the files are distributed. Each file is read
/// whole in one pass, so the reader is static and holds nothing open.
/// </summary>
public static class IdxReader
{
    // the magic's third byte is the element type (0x08, unsigned byte), the fourth the number of dimensions
    private const int ImagesMagic = 0x0803;
    private const int LabelsMagic = 0x0801;

    public static IdxImages ReadImages(string path) => ParseImages(path, File.ReadAllBytes(path));

    /// <summary>The labels, each checked to be a digit 0–9.</summary>
    public static byte[] ReadLabels(string path) => ParseLabels(path, File.ReadAllBytes(path));

    /// <summary>An images file and its labels file as one dataset; the two must hold the same number of items.</summary>
    public static LabeledImages ReadPair(string imagesPath, string labelsPath, string name)
    {
        using var sources = new SourceFiles();
        var images = ParseImages(imagesPath, sources.ReadAllBytes(imagesPath));
        var labels = ParseLabels(labelsPath, sources.ReadAllBytes(labelsPath));
        if (labels.Length != images.Count)
            throw new InvalidDataException($"{Path.GetFileName(imagesPath)} holds {images.Count} images but {Path.GetFileName(labelsPath)} holds {labels.Length} labels");

        return new LabeledImages(name, PixelBytes.Scale(images.Pixels), Array.ConvertAll(labels, label => (long)label),
            1, images.Rows, images.Columns, sources.Sha256Hex());
    }

    /// <summary>
    /// The train or test split of an MNIST folder with the standard file names (train-images-idx3-ubyte.gz,
    /// t10k-labels-idx1-ubyte.gz, …), named after the folder, e.g. "mnist-10k/train".
    /// </summary>
    public static LabeledImages ReadMnist(string folder, DataSplit split)
    {
        var prefix = split switch
        {
            DataSplit.Train => "train",
            DataSplit.Test => "t10k",
            _ => throw new ArgumentOutOfRangeException(nameof(split), split, "MNIST comes as train and t10k (test) files only"),
        };
        var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        return ReadPair(Path.Combine(folder, $"{prefix}-images-idx3-ubyte.gz"), Path.Combine(folder, $"{prefix}-labels-idx1-ubyte.gz"),
            $"{folderName}/{split.ToString().ToLowerInvariant()}");
    }

    private static IdxImages ParseImages(string path, byte[] file)
    {
        var (sizes, data) = Parse(path, file, ImagesMagic, "images");
        if (sizes[1] == 0 || sizes[2] == 0) throw new InvalidDataException($"{Path.GetFileName(path)}: images of {sizes[1]}×{sizes[2]} pixels, expected at least 1×1");
        return new IdxImages(sizes[0], sizes[1], sizes[2], data);
    }

    private static byte[] ParseLabels(string path, byte[] file)
    {
        var (_, labels) = Parse(path, file, LabelsMagic, "labels");
        var wrong = Array.FindIndex(labels, label => label > 9);
        if (wrong >= 0) throw new InvalidDataException($"{Path.GetFileName(path)}: label {wrong} is {labels[wrong]}, expected a digit 0–9");
        return labels;
    }

    /// <summary>The dimension sizes and the data after the header, which must be exactly as long as the sizes say.</summary>
    private static (int[] Sizes, byte[] Data) Parse(string path, byte[] file, int magic, string kind)
    {
        var name = Path.GetFileName(path);
        var bytes = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? Gunzip(name, file) : file;
        var dimensions = magic & 0xFF;
        var headerLength = 4 * (1 + dimensions);
        if (bytes.Length >= 4 && BinaryPrimitives.ReadInt32BigEndian(bytes) is var actualMagic && actualMagic != magic)
            throw new InvalidDataException($"{name}: magic {actualMagic}, expected {magic} ({kind})");
        if (bytes.Length < headerLength)
            throw new InvalidDataException($"{name}: {bytes.Length} bytes, too short for the {headerLength}-byte {kind} header");

        // Int128: three corrupt 31-bit sizes multiply past long
        var sizes = new int[dimensions];
        Int128 expectedLength = 1;
        for (var d = 0; d < dimensions; d++)
        {
            sizes[d] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 * (1 + d)));
            if (sizes[d] < 0) throw new InvalidDataException($"{name}: dimension {d} has size {sizes[d]}");
            expectedLength *= sizes[d];
        }

        expectedLength += headerLength;
        if (bytes.Length != expectedLength)
            throw new InvalidDataException(
                $"{name}: the {kind} header says {string.Join('×', sizes)}, {expectedLength} bytes in all, but the {(bytes == file ? "file" : "unzipped file")} has {bytes.Length}");
        return (sizes, bytes[headerLength..]);
    }

    private static byte[] Gunzip(string name, byte[] file)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(file), CompressionMode.Decompress);
            using var unzipped = new MemoryStream();
            gzip.CopyTo(unzipped);
            return unzipped.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{name}: not a gzip stream ({e.Message})", e);
        }
    }
}
