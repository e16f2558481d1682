using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;

namespace ConvSpecs.Tests.Data;

/// <summary>Builds .npy and .npz files byte by byte, as numpy.lib.format describes them, for the cases NumPy would not write.</summary>
internal static class NpyFiles
{
    /// <summary>A .npy file; like NumPy, the header is padded with spaces and a newline so the data starts at a multiple of 64.</summary>
    public static byte[] Array(string dtype, string shape, byte[] data, byte major = 1, string fortranOrder = "False")
    {
        var dict = $"{{'descr': '{dtype}', 'fortran_order': {fortranOrder}, 'shape': {shape}, }}";
        var prefixLength = major == 1 ? 10 : 12;
        var headerLength = (prefixLength + dict.Length + 1 + 63) / 64 * 64 - prefixLength;
        var header = Encoding.Latin1.GetBytes(dict.PadRight(headerLength - 1) + "\n");

        var length = new byte[prefixLength - 8];
        if (major == 1) BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)headerLength);
        else BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)headerLength);
        return [0x93, .. "NUMPY"u8, major, 0, .. length, .. header, .. data];
    }

    /// <summary>Values as the little-endian bytes a '&lt;' dtype stores.</summary>
    public static byte[] Bytes<T>(params T[] values) where T : struct => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    public static byte[] Zip(CompressionLevel level, params (string Name, byte[] Bytes)[] entries)
    {
        using var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, bytes) in entries)
            {
                using var entry = zip.CreateEntry(name, level).Open();
                entry.Write(bytes);
            }
        return zipped.ToArray();
    }
}
