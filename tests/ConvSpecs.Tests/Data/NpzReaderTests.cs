using System.IO.Compression;
using System.Security.Cryptography;
using ConvSpecs.Data;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Tests.Data;

/// <summary>Reads Fixtures/tiny.npz, written by NumPy itself (Fixtures/make_tiny_npz.py), and variants built here.</summary>
public sealed class NpzReaderTests : IDisposable
{
    private static readonly string Tiny = RepositoryFiles.PathOf("tests", "ConvSpecs.Tests", "Data", "Fixtures", "tiny.npz");

    private readonly TempFolder folder = new();

    [Fact]
    public void ReadsEveryArrayNumPyWrote()
    {
        var arrays = NpzReader.ReadAll(Tiny);

        arrays.Keys.Should().BeEquivalentTo("X_train", "y_train", "X_val", "y_val", "X_test", "y_test");
        foreach (var split in new[] { "train", "val", "test" })
        {
            arrays[$"X_{split}"].DType.Should().Be("<f4");
            arrays[$"X_{split}"].Shape.Should().Equal(4, 1, 28, 28);
            arrays[$"y_{split}"].DType.Should().Be("<i8");
            arrays[$"y_{split}"].Shape.Should().Equal(4);
        }
    }

    [Theory]
    [InlineData(DataSplit.Train, "train", 0)]
    [InlineData(DataSplit.Validation, "val", 1)]
    [InlineData(DataSplit.Test, "test", 2)]
    public void ReadsEachSplitOfThePreparedDataset(DataSplit split, string suffix, int s)
    {
        var images = NpzReader.ReadSplit(Tiny, split);

        images.Name.Should().Be($"tiny/{suffix}");
        (images.Count, images.Channels, images.Height, images.Width).Should().Be((4, 1, 28, 28));
        // make_tiny_npz.py: pixel k of split s is (s·4·784 + k) / (3·4·784), label i is (i + s) % 10
        images.Pixels.Should().Equal(Enumerable.Range(s * 4 * 784, 4 * 784).Select(k => k / (float)(3 * 4 * 784)));
        images.Labels.Should().Equal(Enumerable.Range(s, 4).Select(i => (long)(i % 10)));
        images.SourceSha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Tiny))));
    }

    [Fact]
    public void ReadsStoredEntriesAsNumpySavezWritesThem()
    {
        var deflated = NpzReader.ReadSplit(Tiny, DataSplit.Validation);
        using var numpyWritten = ZipFile.OpenRead(Tiny);
        var stored = folder.Write("stored.npz", NpyFiles.Zip(CompressionLevel.NoCompression,
            [.. numpyWritten.Entries.Select(entry => (entry.FullName, ReadEntry(entry)))]));

        var read = NpzReader.ReadSplit(stored, DataSplit.Validation);

        read.Pixels.Should().Equal(deflated.Pixels);
        read.Labels.Should().Equal(deflated.Labels);
    }

    [Fact]
    public void NamesTheArchiveAndTheArrayThatIsMissing()
    {
        var onlyTraining = folder.Write("partial.npz", NpyFiles.Zip(CompressionLevel.Optimal, Images("X_train", 0.5f), Labels("y_train", 1)));

        var read = () => NpzReader.ReadSplit(onlyTraining, DataSplit.Test);

        read.Should().Throw<InvalidDataException>().WithMessage("partial.npz: no array X_test, it holds X_train.npy, y_train.npy");
    }

    [Fact]
    public void RejectsPixelsOutsideZeroToOne()
    {
        var unscaled = folder.Write("unscaled.npz", NpyFiles.Zip(CompressionLevel.Optimal, Images("X_train", 0.5f, 255f), Labels("y_train", 1, 2)));

        var read = () => NpzReader.ReadSplit(unscaled, DataSplit.Train);

        read.Should().Throw<InvalidDataException>().WithMessage("unscaled.npz/X_train.npy: value 255 at flat index 1, expected pixels in [0, 1]");
    }

    [Fact]
    public void RejectsLabelsThatDoNotMatchTheImagesInNumber()
    {
        var uneven = folder.Write("uneven.npz", NpyFiles.Zip(CompressionLevel.Optimal, Images("X_val", 0.5f), Labels("y_val", 1, 2)));

        var read = () => NpzReader.ReadSplit(uneven, DataSplit.Validation);

        read.Should().Throw<InvalidDataException>().WithMessage("uneven.npz/y_val.npy: shape (2,), expected (1,) to match uneven.npz/X_val.npy");
    }

    [Fact]
    public void RejectsAFileThatIsNotAZipArchive()
    {
        var npy = folder.Write("plain.npz", NpyFiles.Array("<f4", "(1,)", new byte[4]));

        var read = () => NpzReader.ReadAll(npy);

        read.Should().Throw<InvalidDataException>().WithMessage("plain.npz: not a readable zip archive*");
    }

    public void Dispose() => folder.Dispose();

    // one 1×1×1 image per value
    private static (string, byte[]) Images(string name, params float[] values) =>
        ($"{name}.npy", NpyFiles.Array("<f4", $"({values.Length}, 1, 1, 1)", NpyFiles.Bytes(values)));

    private static (string, byte[]) Labels(string name, params long[] labels) =>
        ($"{name}.npy", NpyFiles.Array("<i8", $"({labels.Length},)", NpyFiles.Bytes(labels)));

    private static byte[] ReadEntry(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
