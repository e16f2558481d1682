using FluentAssertions;
using Xunit;

namespace ConvSpecs.Tests;

/// <summary>The verdicts the assignment implies for the real students' solutions (seeds 000–003, ported to examples/).</summary>
public sealed class SeedVerdictTests
{
    [Fact]
    public void Seed001PaddingZeroModelGives14By14AndFailsTheShapeRule()
    {
        var result = Grading.Run("Seed001", "Variant 2", "Output is (64, 16, 16)");

        result.Passed.Should().BeFalse();
        Grading.Message(result).Should().Contain("Rule: The output is (64, 16, 16)").And.Contain("(measured (64, 14, 14))");
    }

    [Fact]
    public void Seed001PassesEveryOtherVariant2Rule()
    {
        var verdicts = Grading.Verdicts("Seed001", "Variant 2");

        verdicts.Where(verdict => !verdict.Value).Select(verdict => verdict.Key).Should().Equal("Output is (64, 16, 16)");
    }

    [Fact]
    public void Seed002ModelPad0PassesEveryVariant2Rule()
    {
        var verdicts = Grading.Verdicts("Seed002", "Variant 2");

        verdicts.Should().NotBeEmpty().And.OnlyContain(verdict => verdict.Value);
    }

    [Fact]
    public void Seed002CompactNetPassesWith4780Parameters()
    {
        var verdicts = Grading.Verdicts("Seed002", "Variant 3");
        var evidence = File.ReadAllText(Grading.EvidenceFile("Seed002", "Variant 3", "The model has at most 50 000 parameters"));

        verdicts.Should().NotBeEmpty().And.OnlyContain(verdict => verdict.Value);
        evidence.Should().Contain("| conv1 (Conv2d) | (2, 32, 32, 32) | 896 |")
            .And.Contain("| conv1x1 (Conv2d) | (2, 12, 32, 32) | 396 |")
            .And.Contain("| conv3 (Conv2d) | (2, 32, 32, 32) | 3,488 |")
            .And.Contain("| **Total** | | **4,780** |");
    }

    [Fact]
    public void Seed000ConvPadding0On18By18PassesEveryVariant2Rule()
    {
        var verdicts = Grading.Verdicts("Seed000", "Variant 2");

        verdicts.Should().NotBeEmpty().And.OnlyContain(verdict => verdict.Value);
    }

    [Fact]
    public void Seed000ConvNetsPassEveryStructuralVariant4Rule()
    {
        // the experiment trains the reference's pair in the default run; training seed 000's too would double that time
        var verdicts = Grading.Verdicts("Seed000", "Variant 4", scenario => !scenario.RuleName!.StartsWith("Experiment", StringComparison.Ordinal));

        verdicts.Should().HaveCount(4).And.OnlyContain(verdict => verdict.Value);
    }

    [Fact]
    public void Seed003SimplePoolNetPassesEveryPoolingRuleAfterTrainingWellAboveChance()
    {
        var verdicts = Grading.Verdicts("Seed003", "Pooling-only network");
        var evidence = File.ReadAllText(Grading.EvidenceFile("Seed003", "Pooling-only network", "Both versions classify well above chance"));

        verdicts.Should().HaveCount(7).And.OnlyContain(verdict => verdict.Value);
        evidence.Should().Contain("| max model ").And.Contain("Seed003 Max (the pooling task, max)")
            .And.Contain("| avg: test accuracy after training ");
    }
}
