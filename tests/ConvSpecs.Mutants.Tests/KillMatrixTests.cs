using System.Globalization;
using ConvSpecs.Drivers;
using FluentAssertions;
using Xunit;
using static TorchSharp.torch;

namespace ConvSpecs.Mutants.Tests;

/// <summary>
/// Every Rule of every feature fails for some mutant of tests/Mutants/ and passes for the reference and the correct
/// models there. The default run leaves out the scenarios that train (variant 4's and the pooling task's experiments:
/// about a minute per mutant); <c>./run-specs.sh --mutants</c> runs the explicit test below, which includes them.
/// </summary>
public sealed class KillMatrixTests
{
    [Fact]
    public void EveryRuleIsKilledByAMutantAndEveryCorrectModelPasses_WithoutTraining()
    {
        // one thread: the other test applications run beside this one on the same cores
        set_num_threads(1);
        Check(training: false);
    }

    [Fact(Explicit = true)]
    public void EveryRuleIsKilledByAMutantAndEveryCorrectModelPasses_WithTraining() => Check(training: true);

    private static void Check(bool training)
    {
        var output = TestContext.Current.TestOutputHelper!;
        var (mutants, matrix) = Run(training, output.WriteLine);
        var text = matrix.Render();

        output.WriteLine(text);
        if (Environment.GetEnvironmentVariable("CONVSPECS_KILL_MATRIX") is { Length: > 0 } file)
            File.WriteAllText(file, text);
        mutants.Count.Should().BeGreaterThan(1, "tests/Mutants/ holds the corpus");
        matrix.Problems().Should().BeEmpty(string.Create(CultureInfo.InvariantCulture, $"the kill matrix must hold:{Environment.NewLine}{text}"));
    }

    // the compiled mutants and their evidence go to a scratch folder of this run
    private static (IReadOnlyList<Mutant> Mutants, KillMatrix Matrix) Run(bool training, Action<string> log)
    {
        var root = RunSettings.RepositoryRoot() ?? throw new DirectoryNotFoundException("ConvSpecs.sln not found above the test assembly");
        var scratch = Directory.CreateTempSubdirectory("convspecs-mutants-");
        try
        {
            var settings = RunSettings.FromEnvironment() with { EvidenceRoot = Path.Combine(scratch.FullName, "evidence") };
            List<Mutant> mutants = [Mutant.Reference(), .. Mutant.LoadAll(Path.Combine(root, "tests", "Mutants"), scratch.FullName)];
            // ./run-specs.sh --mutants --variant N: one variant's rules and mutants
            return (mutants, KillMatrix.Run(mutants, training, settings, log, Environment.GetEnvironmentVariable("CONVSPECS_VARIANT")));
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }
}
