using System.Text.Json;
using ConvSpecs.Drivers.Training;
using ConvSpecs.Reports;
using ConvSpecs.Suite;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Tests.Training;

/// <summary>
/// An experiment checks the rules that need no training first: a variant 4 pair whose convolutions give (B, 128, 16, 16)
/// (Fixtures/MisshapenTrainingModels.cs) is not trained, and each experiment scenario says why.
/// </summary>
public sealed class FailFastTrainingTests
{
    private const string Feature = "Variant 4";

    [Theory]
    [InlineData("Both heads learn")]
    [InlineData("Training frees every batch's tensors")]
    public void AModelThatFailsAShapeRuleIsNotTrained(string experiment)
    {
        var output = new List<string>();

        var result = Specification.Run(Specification.Find(Feature, experiment), Grading.Submission("WideConvMaps"), Grading.Settings, output.Add);

        result.Passed.Should().BeFalse();
        result.Error.Should().BeOfType<NotTrained>();
        result.Error!.Message.Should().StartWith("Not trained: the \"flatten\" and \"gap\" models must first pass the rules that need no training")
            .And.Contain("Rule: Three Conv2d layers give (B, 128, 8, 8) before the head; scenario \"The flatten model's three convolutions give (B, 128, 8, 8)\"")
            .And.Contain("scenario \"The gap model's three convolutions give (B, 128, 8, 8)\"")
            .And.Contain("(2, 128, 16, 16)");
        output.Should().NotContain(line => line.Contains("training,", StringComparison.Ordinal) || line.Contains(": epoch ", StringComparison.Ordinal),
            "nothing may train");
    }

    [Fact]
    public void TheEvidenceSaysTheExperimentDidNotRun()
    {
        Specification.Run(Specification.Find(Feature, "Both heads learn"), Grading.Submission("WideConvMaps"), Grading.Settings);

        var json = Directory.EnumerateFiles(Path.Combine(Grading.Settings.EvidenceRoot, "wideconvmaps", "variant-4", "both-heads-learn"), "statistics.json").Single();
        var record = JsonSerializer.Deserialize<EvidenceRecord>(File.ReadAllText(json), EvidenceRecord.Options)!;

        record.Status.Should().Be("not run");
        record.Error.Should().StartWith("Not trained:");
    }
}
