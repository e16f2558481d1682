using ConvSpecs.Drivers.Training;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Tests.Training;

public sealed class PlateauTests
{
    [Fact]
    public void ThePlateauIsTheFirstEpochWithinTheMarginOfTheBest()
    {
        double[] accuracy = [60, 75, 77.2, 77.6, 77.5, 78.0];

        var plateau = Plateau.Of(accuracy, margin: 1);

        plateau.Should().Be(new Plateau(Epoch: 3, Value: 77.2, BestEpoch: 6, Best: 78.0, Margin: 1, Epochs: 6));
        plateau.ReachedBeforeTheLastEpoch.Should().BeTrue();
    }

    [Fact]
    public void ACurveThatStillClimbsAtTheEndReachesItsPlateauOnlyAtTheLastEpoch()
    {
        double[] accuracy = [50, 60, 70, 80];

        var plateau = Plateau.Of(accuracy, margin: 1);

        plateau.Epoch.Should().Be(4);
        plateau.ReachedBeforeTheLastEpoch.Should().BeFalse();
    }

    [Fact]
    public void ADipAfterTheBestDoesNotMoveThePlateau()
    {
        double[] accuracy = [70, 85, 60, 84.5];

        Plateau.Of(accuracy, margin: 1).Epoch.Should().Be(2);
    }
}
