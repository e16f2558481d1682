using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace ConvSpecs.Data;

/// <summary>
/// Checks and unpacks cifar-10-binary.tar.gz as downloaded from cs.toronto.edu/~kriz (the download itself is a
/// shell script's job). MD5 is what the dataset's page publishes, so it is what we can compare against.
/// </summary>
public static class Cifar10Archive
{
    public const string OfficialMd5 = "c32a1d4ab5d03f1284b67883e8d87530";
    public const string BatchesFolderName = "cifar-10-batches-bin";

    /// <summary>
    /// Checks the archive's MD5 against <paramref name="expectedMd5"/> (tests pass their own) and unpacks it into
    /// <paramref name="dataFolder"/>, overwriting files already there; returns the path of cifar-10-batches-bin.
    /// Only folders and regular files are unpacked, and none outside <paramref name="dataFolder"/>.
    /// </summary>
    public static string VerifyAndUnpack(string archivePath, string dataFolder, string expectedMd5 = OfficialMd5)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(expectedMd5);
        Verify(archivePath, expectedMd5);

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataFolder));
        Directory.CreateDirectory(root);
        Unpack(archivePath, root);

        var batches = Path.Combine(root, BatchesFolderName);
        if (!Directory.Exists(batches)) throw new InvalidDataException($"{Path.GetFileName(archivePath)}: holds no {BatchesFolderName}/ folder");
        return batches;
    }

    private static void Verify(string archivePath, string expectedMd5)
    {
        using var file = File.OpenRead(archivePath);
        var actual = Convert.ToHexStringLower(MD5.HashData(file));
        if (!actual.Equals(expectedMd5, StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException(
                $"{Path.GetFileName(archivePath)}: MD5 {actual}, expected {expectedMd5.ToLowerInvariant()}; the download is incomplete or not the one published");
    }

    private static void Unpack(string archivePath, string root)
    {
        using var file = File.OpenRead(archivePath);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(root, entry.Name)));
            if (target != root && !target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new InvalidDataException($"{Path.GetFileName(archivePath)}: entry '{entry.Name}' would be written outside {root}");

            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    Directory.CreateDirectory(target);
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile:
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    entry.ExtractToFile(target, overwrite: true);
                    break;
                default:
                    // links could point anywhere, and the published archive has none
                    throw new InvalidDataException($"{Path.GetFileName(archivePath)}: entry '{entry.Name}' is a {entry.EntryType}; only folders and regular files are unpacked");
            }
        }
    }
}
