// Commands that run-specs.sh calls. Each says what it did, or why it failed, and exits non-zero on failure.
using ConvSpecs.Data;

if (args is ["unpack-cifar10", var archive, var dataFolder])
{
    try
    {
        var batches = Cifar10Archive.VerifyAndUnpack(archive, dataFolder);
        Console.WriteLine($"MD5 {Cifar10Archive.OfficialMd5} matches; unpacked into {batches}");
        return 0;
    }
    catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"unpack-cifar10: {e.Message}");
        return 1;
    }
}

Console.Error.WriteLine("usage: ConvSpecs.Tools unpack-cifar10 <cifar-10-binary.tar.gz> <data folder>");
return 2;
