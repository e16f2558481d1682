using ConvSpecs.Drivers.Training;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Tests.Training;

public sealed class TrainingProfileTests
{
    [Fact]
    public void FullTrainsWithTheSeedsSettingsOnEveryImage()
    {
        var full = TrainingProfile.Named("full");

        full.For("variant4", ImageSource.Cifar10).Should().Be(new TrainingBudget(5, null, null, null));
        full.For("variant4", ImageSource.Mnist).Should().Be(new TrainingBudget(5, null, null, null));
        full.For("pooling", ImageSource.Npz).Should().Be(new TrainingBudget(30, null, null, null));
    }

    [Fact]
    public void QuickTrainsOnSubsetsForFewerEpochs()
    {
        var quick = TrainingProfile.Named("QUICK");

        quick.For("variant4", ImageSource.Mnist).Should().Be(new TrainingBudget(3, 4096, null, 1000));
        quick.For("pooling", ImageSource.Mnist).Epochs.Should().BeLessThan(30);
    }

    [Fact]
    public void AnUnknownProfileNamesTheTwoThereAre()
    {
        var named = () => TrainingProfile.Named("fast");

        named.Should().Throw<InvalidOperationException>().WithMessage("Unknown training profile 'fast': use quick (the default) or full.");
    }
}
