using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ConvSpecs.Grader.Isolation;
using ConvSpecs.Grader.Scale;

namespace ConvSpecs.Grader.Cache;

/// <summary>
/// Every setting a verdict may depend on, as part of a cached result's key: the seed, device and limits, the variant
/// filter and API mode, the training profile and data set with the data's content (not its path, so a cache survives a
/// moved checkout), and the sandbox as the reports describe it. Not the number of students graded at once, nor where the
/// submissions and results are.
/// </summary>
/// <param name="Data">SHA-256 of every file below the data folder (names, sizes, bytes): the grader cannot tell which scenario reads data/, so a new data set regrades everyone.</param>
/// <param name="PoolingNpz">SHA-256 of the pooling task's prepared file (CONVSPECS_POOLING_NPZ), or null.</param>
public sealed record CachedSettings(long Seed, string Device, double ScenarioTimeoutSeconds, double StudentTimeoutSeconds, long MemoryMiB,
    int ProcessLimit, double CoresPerStudent, long ScratchMiB, int ScratchFiles, string? Variant, bool AllowAnyApi,
    string Profile, string Dataset, string Data, string? PoolingNpz,
    string Sandbox, IReadOnlyList<string> Isolated, IReadOnlyList<string> NotIsolated, string MemoryLimit)
{
    public static CachedSettings Of(GradingOptions options, Sandbox sandbox, string memoryLimit)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sandbox);
        var training = options.Training;
        return new(options.Seed, options.Device, options.ScenarioTimeout.TotalSeconds, options.StudentTimeout.TotalSeconds, options.MemoryLimitMiB,
            options.ProcessLimit, options.CoresPerStudent, options.ScratchMiB, options.ScratchFiles, options.Variant, options.AllowAnyApi,
            training.Profile.Name, training.DatasetRequest, FolderHash(training.DataFolder), training.PoolingNpz is { } npz && File.Exists(npz) ? FileHash(npz) : null,
            sandbox.Name, sandbox.Isolated, sandbox.NotIsolated, memoryLimit);
    }

    /// <summary>The settings as one hash: records compare lists by reference, their JSON by content.</summary>
    [JsonIgnore]
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this, StudentRecord.Json))));

    // The instructor's own folder (trusted, unlike a student's): every file below it, in a fixed order.
    private static string FolderHash(string folder)
    {
        if (!Directory.Exists(folder)) return "absent";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(file => Path.GetRelativePath(folder, file)).Order(StringComparer.Ordinal))
            hash.AppendData(Encoding.UTF8.GetBytes($"{file}\0{FileHash(Path.Combine(folder, file))}\n"));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string FileHash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
