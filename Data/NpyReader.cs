using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace ConvSpecs.Data;

/// <summary>
/// Reads NumPy's .npy format (numpy.org/doc/stable/reference/generated/numpy.lib.format.html): "\x93NUMPY", a version,
/// a header that is a Python dict literal of descr, fortran_order and shape, then the raw values.
/// </summary>
public static partial class NpyReader
{
    // "\x93NUMPY" as bytes; a u8 literal would encode \x93 as two UTF-8 bytes
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public static NpyArray Read(string path) => Parse(File.ReadAllBytes(path), Path.GetFileName(path));

    /// <summary>The array in <paramref name="bytes"/>; <paramref name="source"/> names it in error messages.</summary>
    internal static NpyArray Parse(byte[] bytes, string source)
    {
        if (!bytes.AsSpan().StartsWith(Magic)) throw new InvalidDataException($"{source}: does not start with the .npy magic \\x93NUMPY");
        if (bytes.Length < 12) throw new InvalidDataException($"{source}: {bytes.Length} bytes, too short for a .npy header");

        var (major, minor) = (bytes[6], bytes[7]);
        var (headerStart, headerLength) = major switch
        {
            1 when minor == 0 => (10, (long)BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8))),
            2 or 3 when minor == 0 => (12, (long)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8))),
            _ => throw new InvalidDataException($"{source}: format version {major}.{minor}, expected 1.0, 2.0 or 3.0"),
        };
        if (headerStart + headerLength > bytes.Length)
            throw new InvalidDataException($"{source}: the {headerLength}-byte header runs past the end of the file ({bytes.Length} bytes)");

        // version 3.0 only differs from 2.0 in allowing UTF-8 in the header
        var header = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(bytes, headerStart, (int)headerLength);
        var dtype = Field(DescrPattern(), header, "descr", source);
        if (Field(FortranOrderPattern(), header, "fortran_order", source) != "False")
            throw new InvalidDataException($"{source}: fortran_order True, only C order (False) is read");
        var shape = Shape(Field(ShapePattern(), header, "shape", source), source);

        var data = bytes.AsSpan((int)(headerStart + headerLength));
        var itemSize = dtype switch
        {
            "<f4" or "<i4" => 4,
            "<f8" or "<i8" => 8,
            "|u1" => 1,
            _ => throw new InvalidDataException($"{source}: dtype '{dtype}', expected <f4, <f8, <i8, <i4 or |u1"),
        };
        var expected = shape.Aggregate((Int128)itemSize, (product, size) => product * size);
        if (data.Length != expected)
            throw new InvalidDataException($"{source}: shape {NpyArray.Describe(shape)} of {dtype} is {expected} bytes, the file holds {data.Length} after the header");

        // '<' is little-endian, the byte order of every platform TorchSharp ships native libraries for
        Array values = dtype switch
        {
            "<f4" => MemoryMarshal.Cast<byte, float>(data).ToArray(),
            "<f8" => MemoryMarshal.Cast<byte, double>(data).ToArray(),
            "<i8" => MemoryMarshal.Cast<byte, long>(data).ToArray(),
            "<i4" => MemoryMarshal.Cast<byte, int>(data).ToArray(),
            _ => data.ToArray(),
        };
        return new NpyArray(source, dtype, shape, values);
    }

    private static string Field(Regex pattern, string header, string key, string source) =>
        pattern.Match(header) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidDataException($"{source}: no readable '{key}' in the header {header.TrimEnd()}");

    // "(4, 1, 28, 28)" → [4, 1, 28, 28]; "(4,)" → [4]; "()" is a scalar
    private static int[] Shape(string sizes, string source) =>
        [.. sizes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(size =>
            int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new InvalidDataException($"{source}: shape size '{size}' is not a count"))];

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranOrderPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
