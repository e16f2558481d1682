using ConvSpecs.Data;
using FluentAssertions;
using Xunit;
using static TorchSharp.torch;

namespace ConvSpecs.Tests.Data;

public sealed class LabeledImagesTests
{
    // three 2×2×2 images; pixel k of image n is (10n + k) / 100
    private static readonly LabeledImages Three = new("three",
        [.. Enumerable.Range(0, 3).SelectMany(n => Enumerable.Range(0, 8).Select(k => (10 * n + k) / 100f))], [5, 6, 7], 2, 2, 2, "00");

    [Fact]
    public void ABatchHoldsTheChosenImagesAndLabelsInTheOrderAsked()
    {
        var (images, labels) = Three.Batch([2, 0]);
        using var _ = images;
        using var __ = labels;

        images.shape.Should().Equal(2, 2, 2, 2);
        images.dtype.Should().Be(ScalarType.Float32);
        images.data<float>().ToArray().Should().Equal(Three.Pixels[16..24].Concat(Three.Pixels[0..8]));
        labels.shape.Should().Equal(2);
        labels.dtype.Should().Be(ScalarType.Int64);
        labels.data<long>().ToArray().Should().Equal(7, 5);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void ABatchRefusesAnIndexOutsideTheImages(int index)
    {
        var batch = () => Three.Batch([0, index]);

        batch.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void PadAndRepeatCentresAnMnistDigitIn32By32AndCopiesItToThreeChannels()
    {
        var digit = new LabeledImages("digit", [.. Enumerable.Range(0, 784).Select(k => (k + 1) / 784f)], [3], 1, 28, 28, "ab");

        var padded = digit.PadAndRepeat(32, 3);

        (padded.Count, padded.Channels, padded.Height, padded.Width).Should().Be((1, 3, 32, 32));
        for (var c = 0; c < 3; c++)
        for (var row = 0; row < 32; row++)
        for (var column = 0; column < 32; column++)
        {
            var inside = row is >= 2 and < 30 && column is >= 2 and < 30;
            padded.Pixels[(c * 32 + row) * 32 + column].Should().Be(inside ? digit.Pixels[(row - 2) * 28 + column - 2] : 0f);
        }
        padded.Labels.Should().Equal(3);
        padded.Name.Should().Be("digit as 3×32×32");
        padded.SourceSha256.Should().Be("ab");
    }

    [Fact]
    public void PadAndRepeatPutsAnOddMarginsExtraRowAndColumnAtTheBottomRight()
    {
        var square = new LabeledImages("square", [1f, 1f, 1f, 1f, 0.5f, 0.5f, 0.5f, 0.5f], [0, 1], 1, 2, 2, "cd");

        var padded = square.PadAndRepeat(5, 1);

        padded.Pixels[..25].Should().Equal(
            0, 0, 0, 0, 0,
            0, 1, 1, 0, 0,
            0, 1, 1, 0, 0,
            0, 0, 0, 0, 0,
            0, 0, 0, 0, 0);
        padded.Pixels[25..].Count(pixel => pixel == 0.5f).Should().Be(4);
    }

    [Fact]
    public void PadAndRepeatRefusesImagesThatAlreadyHaveSeveralChannels()
    {
        var pad = () => Three.PadAndRepeat(4, 3);

        pad.Should().Throw<InvalidOperationException>().WithMessage("three: *2");
    }

    [Fact]
    public void PixelsMustBeWholeImagesOfTheGivenShape()
    {
        var create = () => new LabeledImages("short", new float[7], [0, 1], 1, 2, 2, "ef");

        create.Should().Throw<ArgumentException>().WithMessage("7 pixels are not 2 images of 1×2×2*");
    }
}
