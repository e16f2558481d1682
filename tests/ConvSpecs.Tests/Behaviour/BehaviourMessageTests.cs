using FluentAssertions;
using Xunit;

namespace ConvSpecs.Tests.Behaviour;

/// <summary>A wrong model fails with a message that names what was seen: the call and its line, the layer off the path, the count.</summary>
public sealed class BehaviourMessageTests
{
    [Theory]
    [InlineData("V1ExtraFunctionalConvolution", "Variant 1", "Exactly 5 layers with weights run",
        "forward calls functional.conv2d at Model.cs:", "a convolution that is not a Conv2d or Linear layer", "6 in all")]
    [InlineData("V2OneConvolutionFiveTimes", "Variant 2", "At most 3 Conv2d layers run",
        "repeated ran 5 times", "forward calls functional.conv2d at Model.cs:", "7 in all")]
    [InlineData("V2PadBeforeValidConvolution", "Variant 2", "A Conv2d uses padding 0",
        "padded from 32×32 to 34×34: in effect padding 1", "forward calls functional.pad at Model.cs:")]
    [InlineData("V2LayersNotRegistered", "Variant 2", "Padding 0 and padding 1 on the same input",
        "field 'conv1' (Conv2d) of UnregisteredCroppingNet", "RegisterComponents()")]
    [InlineData("V3FrozenParameters", "Variant 3", "The model has at most 50 000 parameters",
        "it has 223,346, of which 200,704 are frozen")]
    [InlineData("V3LayersNotRegistered", "Variant 3", "The model has at most 50 000 parameters",
        "are not registered", "RegisterComponents()")]
    [InlineData("V3BottleneckOnDeadBranch", "Variant 3", "A 1x1 Conv2d has fewer output than input channels",
        "The output of 'squeeze' does not reach the model's output")]
    [InlineData("V5FunctionalTanh", "Variant 5", "Layers alternate Conv2d and ReLU",
        "measured 3: Conv2d → Conv2d → Conv2d", "forward also calls functional.tanh at Model.cs:")]
    [InlineData("V6MaxPoolThrownAway", "Variant 6", "A MaxPool2d and an AdaptiveAvgPool2d run",
        "the output of 'maxPool' does not reach the model's output")]
    [InlineData("V1VarianceOneAndAHalf", "Variant 1", "Var(W3) is twice Var(W2) and twice Var(W4)",
        "over 3 fresh constructions the ratio is 1.5")]
    public void AWrongModelFailsNamingWhatWasSeen(string mutant, string feature, string scenario, params string[] expected)
    {
        var result = MutantCorpus.Run(mutant, feature, scenario);

        result.Passed.Should().BeFalse();
        var message = Grading.Message(result);
        foreach (var part in expected) message.Should().Contain(part);
        message.Should().NotContain("Expected").And.NotContain("but found");
    }

    [Fact]
    public void AClassNamedMaxPool2dThatConvolvesIsNotAPoolingLayer()
    {
        var result = MutantCorpus.Run("PoolingClassNamedMaxPool2d", "Pooling-only network", "The max model is MaxPool2d or AdaptiveMaxPool2d layers and activations, then one Linear");

        result.Passed.Should().BeFalse();
        Grading.Message(result).Should().Contain("forward calls functional.conv2d at Model.cs:");
    }

    [Fact]
    public void FunctionalReluBetweenConvolutionsCountsWhereItWasMeasured()
    {
        var result = MutantCorpus.Run("V5FunctionalRelu", "Variant 5", "Layers alternate Conv2d and ReLU");

        result.Passed.Should().BeTrue(result.Error?.Message);
        Evidence("V5FunctionalRelu", "Variant 5", "Layers alternate Conv2d and ReLU")
            .Should().Contain("ReLU (functional.relu at Model.cs:").And.Contain("measured after 'conv1'").And.Contain("measured after 'conv3'");
    }

    [Fact]
    public void AModelEndingInFunctionalTanhIsNotJudgedPositivelyHomogeneous()
    {
        var result = MutantCorpus.Run("V1FunctionalTanhOutput", "Variant 1", "Activations after GAP against a control with an ordinary third layer");

        result.Passed.Should().BeTrue(result.Error?.Message);
        Evidence("V1FunctionalTanhOutput", "Variant 1", "Activations after GAP against a control with an ordinary third layer")
            .Should().Contain("forward calls functional.tanh at Model.cs:").And.Contain("not positively homogeneous").And.Contain("none exact");
    }

    [Fact]
    public void FrozenParametersAreMarkedInTheTable()
    {
        MutantCorpus.Run("V3FrozenParameters", "Variant 3", "Parameters per layer");

        Evidence("V3FrozenParameters", "Variant 3", "Parameters per layer")
            .Should().Contain("| frozen (Conv2d) | (2, 64, 16, 16) | 200,704 | 200,704 frozen |").And.Contain("| **Total** | | **223,346** | **200,704 frozen** |");
    }

    private static string Evidence(string mutant, string feature, string scenario) => File.ReadAllText(Grading.EvidenceFile(mutant, feature, scenario));
}
