using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>What one run of the specs uses: the seed set before every scenario, the device, the evidence folder.</summary>
public sealed record RunSettings(long Seed, string DeviceRequest, string EvidenceRoot)
{
    public const long DefaultSeed = 20261123;

    /// <summary>CONVSPECS_SEED, CONVSPECS_DEVICE (cpu|cuda|auto) and CONVSPECS_EVIDENCE_DIR, with defaults.</summary>
    public static RunSettings FromEnvironment()
    {
        var seed = Environment.GetEnvironmentVariable("CONVSPECS_SEED") is { Length: > 0 } text ? long.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : DefaultSeed;
        var device = Environment.GetEnvironmentVariable("CONVSPECS_DEVICE") is { Length: > 0 } requested ? requested.ToLowerInvariant() : "auto";
        var evidence = Environment.GetEnvironmentVariable("CONVSPECS_EVIDENCE_DIR") is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : Path.Combine(RepositoryRoot() ?? Directory.GetCurrentDirectory(), "artifacts", "evidence");
        return new RunSettings(seed, device, evidence);
    }

    /// <summary>The device to run on; asking for CUDA where TorchSharp has none is an error that says how to get it.</summary>
    public Device ResolveDevice() => DeviceRequest switch
    {
        "cpu" => CPU,
        "auto" => cuda.is_available() ? CUDA : CPU,
        "cuda" when cuda.is_available() => CUDA,
        "cuda" => throw new InvalidOperationException(
            "CUDA was requested (CONVSPECS_DEVICE=cuda / --device cuda) but TorchSharp sees no CUDA device. " +
            "This build uses TorchSharp-cpu; on a Linux machine with an NVIDIA GPU build with " +
            "'-p:TorchSharpBackend=cuda' (TorchSharp-cuda-linux), or run with --device cpu."),
        _ => throw new InvalidOperationException($"Unknown device '{DeviceRequest}': use cpu, cuda or auto."),
    };

    /// <summary>The folder holding ConvSpecs.sln, above the running assembly; null when run elsewhere.</summary>
    public static string? RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "ConvSpecs.sln"))) return folder.FullName;
        return null;
    }
}
