using ConvSpecs.Bridge.Tests.Support;
using FluentAssertions;

namespace ConvSpecs.Bridge.Tests;

/// <summary>Changes the process's current directory: runs alone.</summary>
[CollectionDefinition(nameof(ConfigurationFolderTests), DisableParallelization = true)]
public sealed class ConfigurationFolderCollection;

[Collection(nameof(ConfigurationFolderTests))]
public sealed class ConfigurationFolderTests
{
    [Fact]
    public void ReqnrollConfigurationAndPluginsInTheCurrentDirectoryAreIgnored()
    {
        // the grader's worker runs in the student's scratch folder, which the student's code can write to
        var scratch = Directory.CreateTempSubdirectory("convspecs-scratch-").FullName;
        var before = Environment.CurrentDirectory;
        try
        {
            File.WriteAllText(Path.Combine(scratch, "reqnroll.json"), """{ "runtime": { "missingOrPendingStepsOutcome": "Ignore" } }""");
            File.WriteAllText(Path.Combine(scratch, "specflow.json"), "{}");
            File.WriteAllBytes(Path.Combine(scratch, "Evil.ReqnrollPlugin.dll"), [0x4D, 0x5A, 0, 0]);
            Environment.CurrentDirectory = scratch;

            var configuration = new BindingsFolderConfiguration();

            configuration.GetReqnrollJsonFilePath().Should().BeNull("no reqnroll.json is next to the bindings");
            configuration.GetAllRuntimePlugins().Should().BeEmpty();
            Fixtures.Failing.Run("A step is pending").Result.Outcome.Should().Be(StepOutcome.Pending);
        }
        finally
        {
            Environment.CurrentDirectory = before;
            Directory.Delete(scratch, recursive: true);
        }
    }
}
