using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using ConvSpecs.Data;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Tests.Data;

public sealed class Cifar10ArchiveTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public void UnpacksTheBatchesWhereTheReaderFindsThem()
    {
        var archive = WriteArchive([Folder("cifar-10-batches-bin/"), .. Cifar10Records.BatchesFolder().Select(file => RegularFile($"cifar-10-batches-bin/{file.Name}", file.Bytes)),
            RegularFile("cifar-10-batches-bin/batches.meta.txt", "airplane\nautomobile\n"u8.ToArray())]);

        var batches = Cifar10Archive.VerifyAndUnpack(archive, folder.PathOf("data"), Md5(archive));

        batches.Should().Be(folder.PathOf("data/cifar-10-batches-bin"));
        Cifar10BinaryReader.ReadSplit(batches, DataSplit.Train).Labels.Should().Equal(1, 2, 3, 4, 5);
        Cifar10BinaryReader.ReadSplit(batches, DataSplit.Test).Labels.Should().Equal(0);
    }

    [Fact]
    public void RefusesAnArchiveThatIsNotThePublishedOneAndUnpacksNothing()
    {
        var archive = WriteArchive([RegularFile("cifar-10-batches-bin/test_batch.bin", Cifar10Records.Batch(0))]);

        var unpack = () => Cifar10Archive.VerifyAndUnpack(archive, folder.PathOf("data"));

        unpack.Should().Throw<InvalidDataException>()
            .WithMessage($"cifar-10-binary.tar.gz: MD5 {Md5(archive)}, expected c32a1d4ab5d03f1284b67883e8d87530*");
        Directory.Exists(folder.PathOf("data")).Should().BeFalse();
    }

    [Theory]
    [InlineData("../escaped.bin")]
    [InlineData("cifar-10-batches-bin/../../escaped.bin")]
    [InlineData("/tmp/escaped.bin")]
    public void RefusesAnEntryThatWouldLandOutsideTheDataFolder(string entryName)
    {
        var archive = WriteArchive([RegularFile(entryName, [1, 2, 3])]);

        var unpack = () => Cifar10Archive.VerifyAndUnpack(archive, folder.PathOf("data"), Md5(archive));

        unpack.Should().Throw<InvalidDataException>().WithMessage($"cifar-10-binary.tar.gz: entry '{entryName}' would be written outside *");
        File.Exists(Path.GetFullPath(entryName, folder.PathOf("data"))).Should().BeFalse();
    }

    [Fact]
    public void RefusesALinkEntry()
    {
        var archive = WriteArchive([new GnuTarEntry(TarEntryType.SymbolicLink, "cifar-10-batches-bin/test_batch.bin") { LinkName = "/etc/passwd" }]);

        var unpack = () => Cifar10Archive.VerifyAndUnpack(archive, folder.PathOf("data"), Md5(archive));

        unpack.Should().Throw<InvalidDataException>()
            .WithMessage("cifar-10-binary.tar.gz: entry 'cifar-10-batches-bin/test_batch.bin' is a SymbolicLink; only folders and regular files are unpacked");
    }

    public void Dispose() => folder.Dispose();

    private static GnuTarEntry Folder(string name) => new(TarEntryType.Directory, name);

    private static GnuTarEntry RegularFile(string name, byte[] bytes) => new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes) };

    private static string Md5(string path) => Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(path)));

    // the layout of the published archive: a gzipped tar whose entries start with cifar-10-batches-bin/
    private string WriteArchive(IEnumerable<TarEntry> entries)
    {
        using var tarred = new MemoryStream();
        using (var tar = new TarWriter(tarred, TarEntryFormat.Gnu, leaveOpen: true))
            foreach (var entry in entries) tar.WriteEntry(entry);
        return folder.Write("cifar-10-binary.tar.gz", IdxFiles.Gzip(tarred.ToArray()));
    }
}
