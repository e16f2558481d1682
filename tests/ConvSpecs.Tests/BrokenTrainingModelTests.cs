using FluentAssertions;
using Xunit;

namespace ConvSpecs.Tests;

/// <summary>Variant 4 and pooling-task models that break a structural rule fail it saying what was seen (Fixtures/BrokenTrainingModels.cs).</summary>
public sealed class BrokenTrainingModelTests
{
    [Fact]
    public void AGapHeadThatTakesEachMapsMaximumFailsTheAverageRule()
    {
        var result = Grading.Run("GlobalMaxHead", "Variant 4", "The gap model's only Linear receives the global average of each of the 128 maps");

        result.Passed.Should().BeFalse();
        Grading.Message(result).Should().Contain("Rule: The gap head is global average pooling → Linear")
            .And.Contain("the mean over positions of each channel of (2, 128, 8, 8)");
    }

    [Fact]
    public void APoolingNetworkWithAConvolutionFailsTheNoConvolutionRule()
    {
        var result = Grading.Run("PoolingWithConvolution", "Pooling-only network", "The max model is MaxPool2d or AdaptiveMaxPool2d layers and activations, then one Linear");

        result.Passed.Should().BeFalse();
        Grading.Message(result).Should().Contain("Conv2d 'conv'").And.Contain("replaces every convolution with pooling");
    }

    [Fact]
    public void APoolingNetworkThatEndsInAPerceptronFailsTheLayerRule()
    {
        var result = Grading.Run("PoolingThenPerceptron", "Pooling-only network", "The avg model is AvgPool2d or AdaptiveAvgPool2d layers and activations, then one Linear");

        result.Passed.Should().BeFalse();
        Grading.Message(result).Should().Contain("layer 3 ('hidden') is Linear");
    }
}
