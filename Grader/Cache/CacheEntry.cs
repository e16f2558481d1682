using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ConvSpecs.Grader.Files;
using ConvSpecs.Grader.Scale;

namespace ConvSpecs.Grader.Cache;

/// <summary>
/// One cached result: the inputs it was graded from (the grader's build, the settings, the student's files, each as a
/// hash), the features its verdicts depend on, and the student's record as a shard writes it (verdicts, messages,
/// statistics, tables, plots). On disk: the HMAC-SHA256 of the JSON under the cache's key, in hex, a newline, then the
/// JSON; so a damaged, edited or foreign entry is told from a good one before anything in it is believed.
/// </summary>
public sealed record CacheEntry(string Format, string Build, string Settings, string Files, IReadOnlyList<TaskFeatures> Tasks, StudentRecord Record)
{
    public const string CurrentFormat = "convspecs-grading-cache/1";

    /// <summary>A record, and a little for the rest.</summary>
    public const long MaxBytes = StudentRecord.MaxBytes + 1024 * 1024;

    private const int SignatureLength = 64;

    public byte[] ToBytes(byte[] key)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(this, StudentRecord.Json);
        return [.. Encoding.ASCII.GetBytes(Convert.ToHexStringLower(HMACSHA256.HashData(key, body)) + "\n"), .. body];
    }

    /// <summary>The entry in <paramref name="path"/>, signed with <paramref name="key"/>; an <see cref="InvalidDataException"/> saying what is wrong otherwise.</summary>
    public static CacheEntry Read(string path, byte[] key)
    {
        byte[] bytes;
        try
        {
            bytes = UntrustedFile.Read(path, MaxBytes, Path.GetFileName(path));
        }
        catch (UntrustedFileException unreadable)
        {
            throw new InvalidDataException(unreadable.Message, unreadable);
        }
        if (bytes.Length <= SignatureLength || bytes[SignatureLength] != '\n' || !IsHex(bytes.AsSpan(0, SignatureLength)))
            throw new InvalidDataException("it does not start with its signature");
        var body = bytes.AsSpan(SignatureLength + 1);
        if (!CryptographicOperations.FixedTimeEquals(Convert.FromHexString(Encoding.ASCII.GetString(bytes, 0, SignatureLength)), HMACSHA256.HashData(key, body)))
            throw new InvalidDataException("its signature does not match its content: it was changed or damaged after the grader wrote it, or written with another cache's key");
        CacheEntry entry;
        try
        {
            entry = JsonSerializer.Deserialize<CacheEntry>(body, StudentRecord.Json) ?? throw new InvalidDataException("it holds null");
        }
        catch (JsonException broken)
        {
            throw new InvalidDataException($"it is not a cache entry: {broken.Message}", broken);
        }
        if (entry.Format != CurrentFormat)
            throw new InvalidDataException($"it is in format '{entry.Format}'; this grader reads {CurrentFormat}");
        if (entry.Tasks.Any(task => task is null || task.Features is null || task.Features.Any(feature => feature is null)))
            throw new InvalidDataException("it has a null in a list");
        return entry;
    }

    private static bool IsHex(ReadOnlySpan<byte> text)
    {
        foreach (var c in text)
            if (!char.IsAsciiHexDigitLower((char)c)) return false;
        return true;
    }
}
