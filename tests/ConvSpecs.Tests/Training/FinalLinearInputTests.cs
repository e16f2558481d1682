using ConvSpecs.Drivers.Training;
using FluentAssertions;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ConvSpecs.Tests.Training;

public sealed class FinalLinearInputTests
{
    [Fact]
    public void TheVarianceIsPerFeatureOverTheBatchInPopulationFormAveragedOverFeatures()
    {
        // feature 1: 1 and 3, variance 1; feature 2: 2 and 6, variance 4 (both divided by N = 2, not N - 1)
        using var features = tensor(new float[] { 1, 2, 3, 6 }, [2, 2]);

        FinalLinearInput.PerFeatureVariance(features).Should().Be(2.5);
    }

    [Fact]
    public void TheHookReadsTheInputOfTheLastLinearToRun()
    {
        random.manual_seed(3);
        using var model = new TinyModels.TwoLinears();
        using var images = rand(5, 1, 4, 4);
        using var hidden = ((TorchSharp.Modules.Linear)model.named_modules().Single(named => named.name == "hidden").module).call(images.flatten(1));

        var (name, final) = FinalLinearInput.Find(model, images, "tiny");
        var variance = FinalLinearInput.Variance(model, final, images, "tiny");

        name.Should().Be("scores");
        variance.Should().BeApproximately(hidden.var(0, unbiased: false).mean().ToDouble(), 1e-6);
    }
}
