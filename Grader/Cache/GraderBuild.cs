using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace ConvSpecs.Grader.Cache;

/// <summary>
/// The grader's own build as a hash, computed once per run: a rebuilt grader (its code, the specification's step
/// bindings, the allow-list, Roslyn, TorchSharp, the .NET runtime) may judge differently, so nothing it did not grade
/// itself is reused. The features are not part of it: they are each cached result's own dependencies (see
/// <see cref="FeatureDependencies"/>), so a changed feature regrades only the students of its task.
/// </summary>
public static class GraderBuild
{
    /// <summary>
    /// Native libraries above this are hashed by name and size: libtorch_cpu.so is 460 MB, and its version comes with the
    /// TorchSharp packages that the deps.json files (hashed in full) name.
    /// </summary>
    private const long MaxHashedBytes = 16L * 1024 * 1024;

    private static readonly Lazy<string> Current = new(() => Of(AppContext.BaseDirectory));

    public static string Hash => Current.Value;

    /// <summary>
    /// The assemblies, deps.json and runtimeconfig.json files and native libraries next to the grader (its own folder only:
    /// Features/ is the features', the culture folders hold translated compiler messages the grader does not use), and the
    /// runtime's version.
    /// </summary>
    public static string Of(string folder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{RuntimeInformation.FrameworkDescription}\n{RuntimeInformation.RuntimeIdentifier}\n"));
        var files = Directory.EnumerateFiles(folder)
            .Where(file => Path.GetExtension(file) is ".dll" or ".json" or ".so" || Path.GetFileName(file).Contains(".so.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var size = new FileInfo(file).Length;
            hash.AppendData(Encoding.UTF8.GetBytes($"{Path.GetFileName(file)}\0{size}\0"));
            if (size <= MaxHashedBytes) hash.AppendData(SHA256.HashData(File.ReadAllBytes(file)));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
