using ConvSpecs.Bridge.Tests.Support;
using FluentAssertions;
using Reqnroll.Analytics;
using Reqnroll.Configuration;

namespace ConvSpecs.Bridge.Tests;

/// <summary>Changes the process's current directory and home: runs alone.</summary>
[CollectionDefinition(nameof(ConfigurationFolderTests), DisableParallelization = true)]
public sealed class ConfigurationFolderCollection;

/// <summary>What Reqnroll reads and writes around a run: the grader's worker runs in the student's writable scratch folder.</summary>
[Collection(nameof(ConfigurationFolderTests))]
public sealed class ConfigurationFolderTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("convspecs-scratch-").FullName;
    private readonly string directory = Environment.CurrentDirectory;
    private readonly string? home = Environment.GetEnvironmentVariable("HOME");
    private readonly string? configHome = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");

    [Fact]
    public void ReqnrollConfigurationAndPluginsInTheCurrentDirectoryAreIgnored()
    {
        File.WriteAllText(Path.Combine(scratch, "reqnroll.json"), """{ "runtime": { "missingOrPendingStepsOutcome": "Ignore", "stopAtFirstError": true } }""");
        File.WriteAllText(Path.Combine(scratch, "specflow.json"), """{ "runtime": { "stopAtFirstError": true } }""");
        File.WriteAllBytes(Path.Combine(scratch, "Evil.ReqnrollPlugin.dll"), [0x4D, 0x5A, 0, 0]);
        Environment.CurrentDirectory = scratch;

        // a fresh run's container, as the worker's first scenario builds it
        using var container = new BridgeContainerBuilder().CreateGlobalContainer(typeof(Fixtures).Assembly);
        var configuration = container.Resolve<ReqnrollConfiguration>();

        configuration.MissingOrPendingStepsOutcome.Should().Be(MissingOrPendingStepsOutcome.Pending, "the reqnroll.json in the current directory is not read");
        configuration.StopAtFirstError.Should().BeFalse();
        new ProgramFolderConfiguration().GetAllRuntimePlugins().Should().BeEmpty();
    }

    [Fact]
    public void NothingIsSentToReqnrollsTelemetryNorWrittenUnderHome()
    {
        Environment.SetEnvironmentVariable("HOME", scratch);
        // .NET puts the user's config folder, where Reqnroll keeps its user id, under XDG_CONFIG_HOME when that is set
        Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", null);
        using var container = new BridgeContainerBuilder().CreateGlobalContainer(typeof(Fixtures).Assembly);
        var telemetry = container.Resolve<IAnalyticsRuntimeTelemetryService>();

        // Reqnroll's own service sends, and writes the user id, on a background task after the call returns: an empty
        // folder right after it proves nothing, so the service that would send is checked too
        telemetry.Should().BeOfType<NoTelemetry>();
        telemetry.SendProjectRunningEvent();

        Directory.EnumerateFileSystemEntries(scratch, "*", SearchOption.AllDirectories).Should().BeEmpty("Reqnroll writes its user id under $HOME/.config before it sends an event");
    }

    public void Dispose()
    {
        Environment.CurrentDirectory = directory;
        Environment.SetEnvironmentVariable("HOME", home);
        Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", configHome);
        Directory.Delete(scratch, recursive: true);
    }
}
