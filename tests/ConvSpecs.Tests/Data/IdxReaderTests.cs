using System.Security.Cryptography;
using ConvSpecs.Data;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Tests.Data;

public sealed class IdxReaderTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public void ReadsGzippedImagesAndLabelsAsOneDatasetOfPixelsInZeroToOne()
    {
        var imagesFile = IdxFiles.Gzip(IdxFiles.Images(3, 2, 2, i => (byte)(i * 20)));
        var labelsFile = IdxFiles.Gzip(IdxFiles.Labels(7, 0, 9));
        var images = folder.Write("train-images-idx3-ubyte.gz", imagesFile);
        var labels = folder.Write("train-labels-idx1-ubyte.gz", labelsFile);

        var data = IdxReader.ReadPair(images, labels, "tiny");

        data.Name.Should().Be("tiny");
        (data.Count, data.Channels, data.Height, data.Width).Should().Be((3, 1, 2, 2));
        data.Pixels.Should().Equal(Enumerable.Range(0, 12).Select(i => i * 20 / 255f));
        data.Labels.Should().Equal(7, 0, 9);
        data.SourceSha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData([.. imagesFile, .. labelsFile])));
    }

    [Fact]
    public void ReadsUncompressedFilesByTheirName()
    {
        var images = folder.Write("images-idx3-ubyte", IdxFiles.Images(2, 3, 1, i => (byte)(255 - i)));

        var read = IdxReader.ReadImages(images);

        read.Should().BeEquivalentTo(new IdxImages(2, 3, 1, [255, 254, 253, 252, 251, 250]));
    }

    [Fact]
    public void ReadsAnMnistSplitByItsStandardFileNamesAndNamesItAfterTheFolder()
    {
        folder.Write("digits/t10k-images-idx3-ubyte.gz", IdxFiles.Gzip(IdxFiles.Images(1, 28, 28, _ => 255)));
        folder.Write("digits/t10k-labels-idx1-ubyte.gz", IdxFiles.Gzip(IdxFiles.Labels(4)));

        var test = IdxReader.ReadMnist(folder.PathOf("digits"), DataSplit.Test);

        test.Name.Should().Be("digits/test");
        test.Pixels.Should().HaveCount(784).And.OnlyContain(pixel => pixel == 1f);
        test.Labels.Should().Equal(4);
    }

    [Fact]
    public void RejectsAnImagesFileGivenAsLabelsByItsMagicNumber()
    {
        var images = folder.Write("t10k-images-idx3-ubyte.gz", IdxFiles.Gzip(IdxFiles.Images(1, 2, 2, _ => 0)));
        var labels = folder.Write("t10k-labels-idx1-ubyte.gz", IdxFiles.Gzip(IdxFiles.Images(1, 2, 2, _ => 0)));

        var read = () => IdxReader.ReadPair(images, labels, "swapped");

        read.Should().Throw<InvalidDataException>().WithMessage("t10k-labels-idx1-ubyte.gz: magic 2051, expected 2049 (labels)");
    }

    [Theory]
    [InlineData(27)]
    [InlineData(29)]
    public void RejectsImagesThatAreShorterOrLongerThanTheHeaderSays(int length)
    {
        var file = IdxFiles.Images(3, 2, 2, _ => 9);
        Array.Resize(ref file, length);
        var images = folder.Write("train-images-idx3-ubyte.gz", IdxFiles.Gzip(file));

        var read = () => IdxReader.ReadImages(images);

        read.Should().Throw<InvalidDataException>()
            .WithMessage($"train-images-idx3-ubyte.gz: the images header says 3×2×2, 28 bytes in all, but the unzipped file has {length}");
    }

    [Fact]
    public void RejectsAGzipStreamThatIsCutOff()
    {
        var gzip = IdxFiles.Gzip(IdxFiles.Images(50, 28, 28, i => (byte)(i * 7919 % 251)));
        var images = folder.Write("train-images-idx3-ubyte.gz", gzip[..(gzip.Length / 2)]);

        var read = () => IdxReader.ReadImages(images);

        // GZipStream hands back what there is of a cut-off stream; the length check is what notices
        read.Should().Throw<InvalidDataException>()
            .WithMessage("train-images-idx3-ubyte.gz: the images header says 50×28×28, 39216 bytes in all, but the unzipped file has *");
    }

    [Fact]
    public void RejectsAFileNamedGzThatIsNotGzipped()
    {
        var labels = folder.Write("train-labels-idx1-ubyte.gz", IdxFiles.Labels(1, 2, 3));

        var read = () => IdxReader.ReadLabels(labels);

        read.Should().Throw<InvalidDataException>().WithMessage("train-labels-idx1-ubyte.gz: not a gzip stream*");
    }

    [Fact]
    public void RejectsAFileTooShortForItsHeader()
    {
        var images = folder.Write("images-idx3-ubyte", IdxFiles.Images(0, 28, 28, _ => 0)[..10]);

        var read = () => IdxReader.ReadImages(images);

        read.Should().Throw<InvalidDataException>().WithMessage("images-idx3-ubyte: 10 bytes, too short for the 16-byte images header");
    }

    [Fact]
    public void RejectsImagesAndLabelsThatDisagreeInNumber()
    {
        var images = folder.Write("train-images-idx3-ubyte.gz", IdxFiles.Gzip(IdxFiles.Images(3, 2, 2, _ => 0)));
        var labels = folder.Write("train-labels-idx1-ubyte.gz", IdxFiles.Gzip(IdxFiles.Labels(1, 2)));

        var read = () => IdxReader.ReadPair(images, labels, "uneven");

        read.Should().Throw<InvalidDataException>()
            .WithMessage("train-images-idx3-ubyte.gz holds 3 images but train-labels-idx1-ubyte.gz holds 2 labels");
    }

    [Fact]
    public void RejectsALabelThatIsNotADigit()
    {
        var labels = folder.Write("train-labels-idx1-ubyte.gz", IdxFiles.Gzip(IdxFiles.Labels(1, 2, 10)));

        var read = () => IdxReader.ReadLabels(labels);

        read.Should().Throw<InvalidDataException>().WithMessage("train-labels-idx1-ubyte.gz: label 2 is 10, expected a digit 0–9");
    }

    public void Dispose() => folder.Dispose();
}
