using System.Diagnostics;
using FluentAssertions;
using Xunit;
using static TorchSharp.torch;

namespace ConvSpecs.Tests;

/// <summary>TorchSharp's native library loads here with the system libstdc++ (README, "Why the build edits libLibTorchSharp.so").</summary>
public sealed class TorchSharpLoadingTests
{
    [Fact]
    public void TorchSharpComputesOnThisMachine()
    {
        using var product = ones(2, 3).matmul(ones(3, 2));

        product.sum().item<float>().Should().Be(12f);
    }

    [Fact]
    public void OnlyTheCopyInTheBuildOutputHasTheWeakRequirement()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the edit is made on Linux only");
        Assert.SkipUnless(File.Exists(Readelf), "binutils' readelf is not installed (.ci/run installs it)");
        var output = Directory.EnumerateFiles(AppContext.BaseDirectory, "libLibTorchSharp.so", SearchOption.AllDirectories).Single();
        var cache = Path.Combine(Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
            "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

        VersionFlags(output).Should().Contain("WEAK");
        if (File.Exists(cache)) VersionFlags(cache).Should().NotContain("WEAK");
    }

    private const string Readelf = "/usr/bin/readelf";

    // the line readelf prints for the GLIBCXX_3.4.32 requirement, e.g. "Name: GLIBCXX_3.4.32  Flags: WEAK  Version: 18"
    private static string VersionFlags(string library)
    {
        using var readelf = Process.Start(new ProcessStartInfo(Readelf, ["-V", library]) { RedirectStandardOutput = true })!;
        var lines = readelf.StandardOutput.ReadToEnd().Split('\n');
        readelf.WaitForExit();
        return lines.Single(line => line.Contains("Name: GLIBCXX_3.4.32", StringComparison.Ordinal));
    }
}
