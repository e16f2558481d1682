using FluentAssertions;
using Xunit;

namespace ConvSpecs.Tests;

/// <summary>A misbehaving model fails its own scenarios with a message that says what went wrong (Fixtures/BrokenModels.cs).</summary>
public sealed class BrokenModelTests
{
    private const string Feature = "Variant 2";
    private const string ShapeScenario = "Output is (64, 16, 16)";

    [Theory]
    [InlineData("ConstructorThrows", "could not be built: its constructor threw InvalidOperationException: weights.bin not found")]
    [InlineData("ForwardThrows", "forward threw NotImplementedException on input (2, 3, 32, 32): forward is still a TODO")]
    [InlineData("ReturnsNaN", "contains 32768 NaN and 0 infinite values")]
    [InlineData("WrongShape", "(measured (64, 8, 8))")]
    [InlineData("WrongChannels", "the first Conv2d expects 1 input channels but the input has 3")]
    [InlineData("NoParameterlessConstructor", "has no public parameterless constructor")]
    public void ABrokenModelFailsItsScenarioWithASpecificMessage(string submission, string expected)
    {
        var result = Grading.Run(submission, Feature, ShapeScenario);

        result.Passed.Should().BeFalse();
        Grading.Message(result).Should().Contain(expected);
    }

    [Fact]
    public void ALayerCalledWithForwardIsReportedAsUnseen()
    {
        var result = Grading.Run("ForwardBypassesCall", Feature, "At most 3 Conv2d layers run");

        result.Passed.Should().BeFalse();
        Grading.Message(result).Should().Contain("none of its 1 layers was seen running")
            .And.Contain("TorchSharp fires hooks only for submodules invoked with .call(x)");
    }

    [Fact]
    public void AfterEveryBrokenModelTheOtherSubmissionsStillPass()
    {
        foreach (var broken in new[] { "ConstructorThrows", "ForwardThrows", "ReturnsNaN", "WrongChannels" })
            Grading.Run(broken, Feature, ShapeScenario);

        var verdicts = Grading.Verdicts("Seed002", Feature);

        verdicts.Should().OnlyContain(verdict => verdict.Value);
    }
}
