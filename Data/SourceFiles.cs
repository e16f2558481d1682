using System.Security.Cryptography;

namespace ConvSpecs.Data;

/// <summary>Reads a dataset's files whole while hashing them, so the dataset can say exactly which bytes it came from.</summary>
internal sealed class SourceFiles : IDisposable
{
    private readonly IncrementalHash sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public byte[] ReadAllBytes(string path)
    {
        var bytes = File.ReadAllBytes(path);
        sha256.AppendData(bytes);
        return bytes;
    }

    /// <summary>SHA-256 of every file read, concatenated in reading order; for one file it is what sha256sum prints.</summary>
    public string Sha256Hex() => Convert.ToHexStringLower(sha256.GetHashAndReset());

    public void Dispose() => sha256.Dispose();
}
