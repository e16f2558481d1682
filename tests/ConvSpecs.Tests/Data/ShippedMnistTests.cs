using System.Globalization;
using System.Security.Cryptography;
using ConvSpecs.Data;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Tests.Data;

/// <summary>The digits committed in data/mnist-10k are the ones its PROVENANCE.md lists, and read as 8 000 + 2 000.</summary>
public sealed class ShippedMnistTests
{
    private static readonly string Folder = RepositoryFiles.PathOf("data", "mnist-10k");

    [Fact]
    public void EveryShippedFileHasTheSizeAndSha256ItsProvenanceLists()
    {
        // table rows: | train-images-idx3-ubyte.gz | 1288921 | 4cc41e… |
        var listed = File.ReadLines(Path.Combine(Folder, "PROVENANCE.md"))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Where(cells => cells.Length == 5 && cells[1].EndsWith(".gz", StringComparison.Ordinal))
            .ToDictionary(cells => cells[1], cells => (Bytes: long.Parse(cells[2], CultureInfo.InvariantCulture), Sha256: cells[3]));

        var shipped = Directory.EnumerateFiles(Folder, "*.gz")
            .ToDictionary(path => Path.GetFileName(path), path => (Bytes: new FileInfo(path).Length, Sha256: Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)))));

        listed.Should().HaveCount(4);
        shipped.Should().BeEquivalentTo(listed);
    }

    [Fact]
    public void TheTrainingSplitHolds8000DigitsOf28By28()
    {
        var train = IdxReader.ReadMnist(Folder, DataSplit.Train);

        train.Name.Should().Be("mnist-10k/train");
        (train.Count, train.Channels, train.Height, train.Width).Should().Be((8000, 1, 28, 28));
        train.Labels.Distinct().Order().Should().Equal(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        train.Pixels.Should().OnlyContain(pixel => pixel >= 0f && pixel <= 1f).And.Contain(1f);
    }

    [Fact]
    public void TheTestSplitHolds200DigitsOfEachClass()
    {
        var test = IdxReader.ReadMnist(Folder, DataSplit.Test);

        test.Name.Should().Be("mnist-10k/test");
        (test.Count, test.Channels, test.Height, test.Width).Should().Be((2000, 1, 28, 28));
        test.Labels.CountBy(label => label).Should().OnlyContain(count => count.Value == 200).And.HaveCount(10);
    }
}
