using ConvSpecs.Data;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Tests.Data;

public sealed class NpyReaderTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ReadsEachFormatVersion(byte major)
    {
        var file = folder.Write("halves.npy", NpyFiles.Array("<f4", "(2,)", NpyFiles.Bytes(0.5f, 0.25f), major));

        var array = NpyReader.Read(file);

        array.DType.Should().Be("<f4");
        array.Shape.Should().Equal(2);
        array.ToSingles().Should().Equal(0.5f, 0.25f);
    }

    [Fact]
    public void ReadsTheShapeInCOrder()
    {
        var file = folder.Write("grid.npy", NpyFiles.Array("<f4", "(2, 1, 3)", NpyFiles.Bytes(0f, 1f, 2f, 3f, 4f, 5f)));

        var array = NpyReader.Read(file);

        array.Shape.Should().Equal(2, 1, 3);
        array.ToSingles().Should().Equal(0f, 1f, 2f, 3f, 4f, 5f);
    }

    [Fact]
    public void ReadsFloat64AndNarrowsItToSingles()
    {
        var file = folder.Write("doubles.npy", NpyFiles.Array("<f8", "(2,)", NpyFiles.Bytes(1.5, -2.0)));

        var array = NpyReader.Read(file);

        array.Values.Should().BeOfType<double[]>();
        array.ToSingles().Should().Equal(1.5f, -2f);
    }

    [Theory]
    [InlineData("<i8")]
    [InlineData("<i4")]
    [InlineData("|u1")]
    public void ReadsEachIntegerDtypeAsInt64s(string dtype)
    {
        byte[] data = dtype switch
        {
            "<i8" => NpyFiles.Bytes(3L, 250L),
            "<i4" => NpyFiles.Bytes(3, 250),
            _ => [3, 250],
        };
        var file = folder.Write("labels.npy", NpyFiles.Array(dtype, "(2,)", data));

        var array = NpyReader.Read(file);

        array.DType.Should().Be(dtype);
        array.ToInt64s().Should().Equal(3L, 250L);
    }

    [Theory]
    [InlineData(">f4")]
    [InlineData("<f2")]
    [InlineData("<u4")]
    [InlineData("|b1")]
    [InlineData("<U5")]
    public void RejectsDtypesItDoesNotRead(string dtype)
    {
        var file = folder.Write("odd.npy", NpyFiles.Array(dtype, "(1,)", new byte[20]));

        var read = () => NpyReader.Read(file);

        read.Should().Throw<InvalidDataException>().WithMessage($"odd.npy: dtype '{dtype}', expected <f4, <f8, <i8, <i4 or |u1");
    }

    [Fact]
    public void RejectsFortranOrder()
    {
        var file = folder.Write("columns.npy", NpyFiles.Array("<f4", "(2, 2)", new byte[16], fortranOrder: "True"));

        var read = () => NpyReader.Read(file);

        read.Should().Throw<InvalidDataException>().WithMessage("columns.npy: fortran_order True, only C order (False) is read");
    }

    [Fact]
    public void RejectsAnUnknownFormatVersion()
    {
        var file = folder.Write("future.npy", NpyFiles.Array("<f4", "(1,)", new byte[4], major: 4));

        var read = () => NpyReader.Read(file);

        read.Should().Throw<InvalidDataException>().WithMessage("future.npy: format version 4.0, expected 1.0, 2.0 or 3.0");
    }

    [Fact]
    public void RejectsDataShorterThanTheShapeSays()
    {
        var file = folder.Write("short.npy", NpyFiles.Array("<f4", "(3,)", NpyFiles.Bytes(1f, 2f)));

        var read = () => NpyReader.Read(file);

        read.Should().Throw<InvalidDataException>().WithMessage("short.npy: shape (3,) of <f4 is 12 bytes, the file holds 8 after the header");
    }

    [Fact]
    public void RejectsAFileWithoutTheNpyMagic()
    {
        var file = folder.Write("zip.npy", [(byte)'P', (byte)'K', 3, 4, .. new byte[20]]);

        var read = () => NpyReader.Read(file);

        read.Should().Throw<InvalidDataException>().WithMessage(@"zip.npy: does not start with the .npy magic \x93NUMPY");
    }

    [Fact]
    public void RefusesToTakeBytesForPixels()
    {
        var array = NpyReader.Read(folder.Write("bytes.npy", NpyFiles.Array("|u1", "(2,)", [0, 255])));

        var pixels = () => array.ToSingles();

        pixels.Should().Throw<InvalidDataException>().WithMessage("bytes.npy: dtype |u1, expected floating point (<f4 or <f8)");
    }

    public void Dispose() => folder.Dispose();
}
