using System.Buffers.Binary;
using System.IO.Compression;

namespace ConvSpecs.Tests.Data;

/// <summary>Builds IDX files byte by byte, as the MNIST page describes them, so the reader is checked against the format rather than itself.</summary>
internal static class IdxFiles
{
    public static byte[] Images(int count, int rows, int columns, Func<int, byte> pixel) =>
        [.. BigEndian(2051, count, rows, columns), .. Enumerable.Range(0, count * rows * columns).Select(pixel)];

    public static byte[] Labels(params byte[] labels) => [.. BigEndian(2049, labels.Length), .. labels];

    public static byte[] Gzip(byte[] bytes)
    {
        using var zipped = new MemoryStream();
        using (var gzip = new GZipStream(zipped, CompressionLevel.Optimal)) gzip.Write(bytes);
        return zipped.ToArray();
    }

    private static byte[] BigEndian(params int[] values)
    {
        var bytes = new byte[4 * values.Length];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 * i), values[i]);
        return bytes;
    }
}
