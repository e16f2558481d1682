using ConvSpecs.Bridge;
using ConvSpecs.Drivers;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Suite;

/// <summary>Fast checks that need no model: every step is bound, and the published glossary is current.</summary>
public sealed class BindingTests
{
    [Fact]
    public void EveryStepOfEveryFeatureIsBoundToExactlyOneBinding() =>
        Specification.Suite.FindUnboundSteps().Should().BeEmpty();

    [Fact]
    public void TheGlossaryMatchesTheBindings()
    {
        var path = Path.Combine(RunSettings.RepositoryRoot() ?? throw new DirectoryNotFoundException("ConvSpecs.sln not found above the test assembly"), "Features", "GLOSSARY.md");
        var current = Glossary.ToMarkdown(Specification.Suite);

        if (Environment.GetEnvironmentVariable("CONVSPECS_UPDATE_GLOSSARY") == "1")
            File.WriteAllText(path, current);

        File.ReadAllText(path).ReplaceLineEndings().Should().Be(current.ReplaceLineEndings(),
            "Features/GLOSSARY.md is generated from the bindings; run ./run-specs.sh --glossary and commit it");
    }
}
