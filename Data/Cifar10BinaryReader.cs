namespace ConvSpecs.Data;

/// <summary>
/// Reads the CIFAR-10 binary version (cs.toronto.edu/~kriz/cifar.html): records of one label byte and 3 072 pixel
/// bytes, the 1 024 red, then green, then blue values of a 32×32 image row by row. That is already (C, H, W) order.
/// Static rather than an enumerable, disposable reader: each file is read whole in one pass, so nothing stays open.
/// </summary>
public static class Cifar10BinaryReader
{
    public const int Side = 32;
    public const int ImageBytes = 3 * Side * Side;
    public const int RecordBytes = 1 + ImageBytes;

    /// <summary>
    /// data_batch_1.bin … data_batch_5.bin (50 000 images) or test_batch.bin (10 000) from the unpacked
    /// cifar-10-batches-bin folder, named e.g. "cifar-10/train".
    /// </summary>
    public static LabeledImages ReadSplit(string batchesFolder, DataSplit split)
    {
        string[] files = split switch
        {
            DataSplit.Train => [.. Enumerable.Range(1, 5).Select(batch => $"data_batch_{batch}.bin")],
            DataSplit.Test => ["test_batch.bin"],
            _ => throw new ArgumentOutOfRangeException(nameof(split), split, "CIFAR-10 comes as five training batches and a test batch only"),
        };
        return ReadFiles([.. files.Select(file => Path.Combine(batchesFolder, file))], $"cifar-10/{split.ToString().ToLowerInvariant()}");
    }

    /// <summary>The records of every file, in order, as one dataset.</summary>
    public static LabeledImages ReadFiles(IReadOnlyList<string> paths, string name)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentOutOfRangeException.ThrowIfZero(paths.Count);

        // every length is checked before any file is read, and the pixels are allocated once:
        // the training set is 600 MB as floats
        var counts = paths.Select(RecordCount).ToArray();
        var pixels = new float[counts.Sum() * ImageBytes];
        var labels = new long[counts.Sum()];
        using var sources = new SourceFiles();
        var image = 0;
        for (var f = 0; f < paths.Count; f++)
        {
            var bytes = sources.ReadAllBytes(paths[f]);
            for (var record = 0; record < counts[f]; record++, image++)
            {
                var label = bytes[record * RecordBytes];
                if (label > 9)
                    throw new InvalidDataException($"{Path.GetFileName(paths[f])}: record {record} (byte {(long)record * RecordBytes}) has label {label}, expected 0–9");
                labels[image] = label;
                PixelBytes.Scale(bytes.AsSpan(record * RecordBytes + 1, ImageBytes), pixels.AsSpan(image * ImageBytes, ImageBytes));
            }
        }

        return new LabeledImages(name, pixels, labels, 3, Side, Side, sources.Sha256Hex());
    }

    private static int RecordCount(string path)
    {
        var length = new FileInfo(path).Length;
        if (length == 0 || length % RecordBytes != 0)
            throw new InvalidDataException(
                $"{Path.GetFileName(path)}: {length} bytes is not a whole number of {RecordBytes}-byte records ({length / RecordBytes} records and {length % RecordBytes} bytes over)");
        return checked((int)(length / RecordBytes));
    }
}
