using ConvSpecs.Drivers;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Mutants.Tests;

/// <summary>The kill matrix's own failures: each broken promise of a corpus is reported, named and explained.</summary>
public sealed class KillMatrixProblemsTests
{
    private const string Usings = """
        using ConvSpecs.Models;
        using TorchSharp.Modules;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;
        """;

    [Fact]
    public void EveryBrokenPromiseOfACorpusIsAProblemThatNamesTheMutantAndTheRule()
    {
        var corpus = Directory.CreateTempSubdirectory("convspecs-corpus-");
        try
        {
            Write(corpus, "Unbroken", "// Mutant: nothing is changed.\n// Must fail: Input (3, 64, 64) gives output (32, 8, 8)", poolSize: 8);
            Write(corpus, "WronglyCorrect", "// Mutant: the output is 4x4, yet the header calls it correct.\n// Must pass: all", poolSize: 4);
            Write(corpus, "UnknownRule", "// Mutant: its header names a rule that does not exist.\n// Must fail: The output is purple", poolSize: 4);
            Write(corpus, "NoVerdict", "// Mutant: its header says neither what it must fail nor that it must pass.", poolSize: 4);
            Write(corpus, "Broken", "// Mutant: it does not compile.\n// Must fail: Input (3, 64, 64) gives output (32, 8, 8)", poolSize: 4, tail: "}");
            var settings = RunSettings.FromEnvironment() with { EvidenceRoot = Path.Combine(corpus.FullName, "evidence") };

            var matrix = KillMatrix.Run(Mutant.LoadAll(corpus.FullName, Path.Combine(corpus.FullName, "bin")), training: false, settings, _ => { });
            var problems = matrix.Problems();

            problems.Should().Contain(problem => problem.StartsWith("unexpected survivor: Unbroken (nothing is changed.) must fail \"Input (3, 64, 64) gives output (32, 8, 8)\""))
                .And.Contain(problem => problem.StartsWith("WronglyCorrect is a correct model but fails \"Input (3, 64, 64) gives output (32, 8, 8)\"") && problem.Contains("(measured (32, 4, 4))"))
                .And.Contain("UnknownRule: \"Must fail: The output is purple\" names no Rule of its variants (variant6).")
                .And.Contain(problem => problem.StartsWith("NoVerdict/Model.cs: the header needs"))
                .And.Contain(problem => problem.StartsWith("Broken does not compile: Model.cs:"))
                .And.Contain(problem => problem.StartsWith("no mutant kills \"Both MaxPool2d and AdaptiveAvgPool2d\" (Variant 6)"))
                .And.NotContain(problem => problem.Contains("MaxPool against AdaptiveAvgPool"), "an experiment-only rule needs no killer");
            matrix.Render().Should().Contain("Input (3, 64, 64) gives output (32, 8, 8)").And.Contain(".!").And.Contain("K!");
        }
        finally
        {
            corpus.Delete(recursive: true);
        }
    }

    // the reference's variant 6 model with the adaptive pooling's output size as given
    private static void Write(DirectoryInfo corpus, string name, string header, int poolSize, string tail = "")
    {
        var folder = Directory.CreateDirectory(Path.Combine(corpus.FullName, name));
        File.WriteAllText(Path.Combine(folder.FullName, Mutant.FileName), $$"""
            {{header}}
            {{Usings}}

            namespace ConvSpecs.Mutants.{{name}};

            [Variant(6)]
            public sealed class TwoPoolsNet : Module<Tensor, Tensor>
            {
                private readonly Conv2d conv1 = Conv2d(3, 16, 3, padding: 1);
                private readonly MaxPool2d maxPool = MaxPool2d(2);
                private readonly Conv2d conv2 = Conv2d(16, 32, 3, padding: 1);
                private readonly AdaptiveAvgPool2d averagePool = AdaptiveAvgPool2d({{poolSize}});

                public TwoPoolsNet() : base(nameof(TwoPoolsNet)) => RegisterComponents();

                public override Tensor forward(Tensor x) => averagePool.call(conv2.call(maxPool.call(conv1.call(x))));
            }
            {{tail}}
            """);
    }
}
