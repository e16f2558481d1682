using System.IO.Compression;

namespace ConvSpecs.Data;

/// <summary>
/// Reads NumPy's .npz: a zip of .npy files, stored (numpy.savez) or deflated (numpy.savez_compressed), one per array,
/// named after the array.
/// </summary>
public static class NpzReader
{
    /// <summary>Every array, keyed by its name without ".npy".</summary>
    public static IReadOnlyDictionary<string, NpyArray> ReadAll(string path)
    {
        var name = Path.GetFileName(path);
        using var zip = Open(name, File.ReadAllBytes(path));
        return zip.Entries.ToDictionary(entry => ArrayName(name, entry), entry => Read(name, entry));
    }

    /// <summary>
    /// One split of a prepared dataset: images X_{split} (N, C, H, W) with values in [0, 1] and labels y_{split} (N)
    /// with digits 0–9, where split is train, val or test; named e.g. "mnist-prepared/val".
    /// </summary>
    public static LabeledImages ReadSplit(string path, DataSplit split)
    {
        var suffix = split switch
        {
            DataSplit.Train => "train",
            DataSplit.Validation => "val",
            DataSplit.Test => "test",
            _ => throw new ArgumentOutOfRangeException(nameof(split), split, null),
        };
        var name = Path.GetFileName(path);
        using var sources = new SourceFiles();
        using var zip = Open(name, sources.ReadAllBytes(path));
        var images = Read(name, zip, $"X_{suffix}");
        var labels = Read(name, zip, $"y_{suffix}");

        if (images.Shape.Count != 4) throw new InvalidDataException($"{images.Source}: shape {NpyArray.Describe(images.Shape)}, expected (N, C, H, W)");
        if (labels.Shape.Count != 1 || labels.Shape[0] != images.Shape[0])
            throw new InvalidDataException($"{labels.Source}: shape {NpyArray.Describe(labels.Shape)}, expected ({images.Shape[0]},) to match {images.Source}");
        var pixels = images.ToSingles();
        var outside = Array.FindIndex(pixels, value => !(value is >= 0f and <= 1f));
        if (outside >= 0) throw new InvalidDataException($"{images.Source}: value {pixels[outside]} at flat index {outside}, expected pixels in [0, 1]");
        var digits = labels.ToInt64s();
        var wrong = Array.FindIndex(digits, label => label is < 0 or > 9);
        if (wrong >= 0) throw new InvalidDataException($"{labels.Source}: label {wrong} is {digits[wrong]}, expected a digit 0–9");

        return new LabeledImages($"{Path.GetFileNameWithoutExtension(path)}/{suffix}", pixels, digits,
            images.Shape[1], images.Shape[2], images.Shape[3], sources.Sha256Hex());
    }

    private static ZipArchive Open(string name, byte[] bytes)
    {
        try
        {
            return new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{name}: not a readable zip archive ({e.Message})", e);
        }
    }

    private static NpyArray Read(string name, ZipArchive zip, string array) =>
        zip.GetEntry($"{array}.npy") is { } entry
            ? Read(name, entry)
            : throw new InvalidDataException($"{name}: no array {array}, it holds {string.Join(", ", zip.Entries.Select(entry => entry.FullName))}");

    private static NpyArray Read(string name, ZipArchiveEntry entry)
    {
        var source = $"{name}/{entry.FullName}";
        var bytes = new byte[entry.Length];
        try
        {
            using var stream = entry.Open();
            stream.ReadExactly(bytes);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new InvalidDataException($"{source}: cannot be unzipped ({e.Message})", e);
        }

        return NpyReader.Parse(bytes, source);
    }

    private static string ArrayName(string name, ZipArchiveEntry entry) =>
        entry.FullName.EndsWith(".npy", StringComparison.Ordinal)
            ? entry.FullName[..^".npy".Length]
            : throw new InvalidDataException($"{name}: entry {entry.FullName} is not a .npy array");
}
