using FluentAssertions;
using Xunit;

namespace ConvSpecs.Tests.Behaviour;

/// <summary>
/// Every mutant of tests/Mutants/ fails exactly the rules its header names and passes the others (training
/// experiments left out: they are the specs' slowest scenarios and no mutant here changes training).
/// </summary>
public sealed class MutantVerdictTests
{
    [Theory]
    [InlineData("V1ExtraFunctionalConvolution", "Variant 1")]
    [InlineData("V1SmallLayersExactInitialisation", "Variant 1")]
    [InlineData("V1VarianceOneAndAHalf", "Variant 1")]
    [InlineData("V1FunctionalTanhOutput", "Variant 1")]
    [InlineData("V2SequentialReusesFields", "Variant 2")]
    [InlineData("V2PadBeforeValidConvolution", "Variant 2")]
    [InlineData("V2OneConvolutionFiveTimes", "Variant 2")]
    [InlineData("V2LayersNotRegistered", "Variant 2")]
    [InlineData("V3FrozenParameters", "Variant 3")]
    [InlineData("V3LayersNotRegistered", "Variant 3")]
    [InlineData("V3BottleneckOnDeadBranch", "Variant 3")]
    [InlineData("V4PoolAfterThirdConvolution", "Variant 4")]
    [InlineData("V5FunctionalRelu", "Variant 5")]
    [InlineData("V5FunctionalTanh", "Variant 5")]
    [InlineData("V6MaxPoolThrownAway", "Variant 6")]
    [InlineData("PoolingClassNamedMaxPool2d", "Pooling-only network")]
    public void AMutantFailsExactlyTheRulesItsHeaderNames(string mutant, string feature)
    {
        var failed = MutantCorpus.FailedRules(mutant, feature, scenario => !scenario.RuleName!.StartsWith("Experiment: trained", StringComparison.Ordinal));

        failed.Should().BeEquivalentTo(MutantCorpus.MustFail(mutant));
    }
}
