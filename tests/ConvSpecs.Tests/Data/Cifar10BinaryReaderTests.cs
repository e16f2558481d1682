using ConvSpecs.Data;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Tests.Data;

public sealed class Cifar10BinaryReaderTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public void ReadsTheRedGreenAndBluePlanesOfARecordAsChannels()
    {
        // red 255 everywhere, green 0 but for 51 at row 1 column 2, blue 102
        var record = Cifar10Records.Record(6, (channel, row, column) => channel switch
        {
            0 => 255,
            1 => (byte)(row == 1 && column == 2 ? 51 : 0),
            _ => 102,
        });
        var batch = folder.Write("data_batch_1.bin", [.. Cifar10Records.Batch(3), .. record]);

        var images = Cifar10BinaryReader.ReadFiles([batch], "two");

        (images.Count, images.Channels, images.Height, images.Width).Should().Be((2, 3, 32, 32));
        images.Labels.Should().Equal(3, 6);
        var second = images.Pixels.AsSpan(3072, 3072).ToArray();
        second[..1024].Should().OnlyContain(red => red == 1f);
        second[1024..2048].Count(green => green != 0f).Should().Be(1);
        second[1024 + 1 * 32 + 2].Should().Be(51 / 255f);
        second[2048..].Should().OnlyContain(blue => blue == 102 / 255f);
    }

    [Fact]
    public void ReadsTheFiveTrainingBatchesInOrderAndTheTestBatchApart()
    {
        foreach (var (name, bytes) in Cifar10Records.BatchesFolder()) folder.Write(name, bytes);

        var train = Cifar10BinaryReader.ReadSplit(folder.Root, DataSplit.Train);
        var test = Cifar10BinaryReader.ReadSplit(folder.Root, DataSplit.Test);

        train.Name.Should().Be("cifar-10/train");
        train.Labels.Should().Equal(1, 2, 3, 4, 5);
        test.Name.Should().Be("cifar-10/test");
        test.Labels.Should().Equal(0);
        test.Pixels.Should().HaveCount(3072).And.OnlyContain(pixel => pixel == 128 / 255f);
    }

    [Fact]
    public void RejectsABatchThatIsNotAWholeNumberOfRecords()
    {
        var batch = folder.Write("data_batch_3.bin", [.. Cifar10Records.Batch(1, 2), .. new byte[100]]);

        var read = () => Cifar10BinaryReader.ReadFiles([batch], "cut");

        read.Should().Throw<InvalidDataException>()
            .WithMessage("data_batch_3.bin: 6246 bytes is not a whole number of 3073-byte records (2 records and 100 bytes over)");
    }

    [Fact]
    public void RejectsAnEmptyBatch()
    {
        var batch = folder.Write("test_batch.bin", []);

        var read = () => Cifar10BinaryReader.ReadFiles([batch], "empty");

        read.Should().Throw<InvalidDataException>().WithMessage("test_batch.bin: 0 bytes is not a whole number of 3073-byte records*");
    }

    [Fact]
    public void RejectsALabelAboveNineNamingTheRecord()
    {
        var batch = folder.Write("data_batch_2.bin", Cifar10Records.Batch(9, 10, 0));

        var read = () => Cifar10BinaryReader.ReadFiles([batch], "ten");

        read.Should().Throw<InvalidDataException>().WithMessage("data_batch_2.bin: record 1 (byte 3073) has label 10, expected 0–9");
    }

    public void Dispose() => folder.Dispose();
}
