using ConvSpecs.Data;
using ConvSpecs.Drivers.Training;
using ConvSpecs.Models;
using ConvSpecs.Tests.Data;
using FluentAssertions;
using Xunit;
using static TorchSharp.torch;

namespace ConvSpecs.Tests.Training;

public sealed class TrainerTests : IDisposable
{
    // 100 images of 1×4×4: image n has label n % 10 and a bright pixel at that index, on a faint background
    private static readonly LabeledImages Images = new("tiny",
        [.. Enumerable.Range(0, 100).SelectMany(n => Enumerable.Range(0, 16).Select(k => k == n % 10 ? 1f : (n * 16 + k) % 7 / 20f))],
        [.. Enumerable.Range(0, 100).Select(n => (long)(n % 10))], 1, 4, 4, "00");

    private readonly TempFolder folder = new();
    private readonly List<string> scenarioOutput = [];

    [Fact]
    public void TheSameSeedMeasuresTheSameEpochs()
    {
        var first = Train(() => new TinyModels.TwoLinears());
        var second = Train(() => new TinyModels.TwoLinears());

        second.Per(epoch => epoch.MeanTrainingLoss).Should().Equal(first.Per(epoch => epoch.MeanTrainingLoss));
        second.Per(epoch => epoch.FinalLinearInputVariance).Should().Equal(first.Per(epoch => epoch.FinalLinearInputVariance));
        second.TestAccuracy.Should().Be(first.TestAccuracy);
    }

    [Fact]
    public void ASimpleProblemIsLearned()
    {
        var run = Train(() => new TinyModels.TwoLinears(), epochs: 10);

        run.Last.MeanTrainingLoss.Should().BeLessThan(run.Epochs[0].MeanTrainingLoss);
        run.TestAccuracy.Should().BeGreaterThan(0.5);
    }

    [Fact]
    public void TheLiveTensorCountStaysTheSameWhenEveryBatchIsFreed()
    {
        var run = Train(() => new TinyModels.TwoLinears());

        run.Epochs.Select(epoch => epoch.LiveTensors).Distinct().Should().ContainSingle();
    }

    [Fact]
    public void AModelThatKeepsATensorPerBatchShowsInTheLiveTensorCount()
    {
        var run = Train(() => new TinyModels.KeepsATensorPerBatch());

        run.Epochs.Select(epoch => epoch.LiveTensors).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void AnOutputThatIsNotTenClassScoresIsAModelProblem()
    {
        var train = () => Train(() => new TinyModels.NoClassifier());

        train.Should().Throw<ModelProblem>().WithMessage("tiny: a batch of 20 images gives an output of shape (20, 16)*one score per class*");
    }

    [Fact]
    public void WithAValidationSplitTheTestImagesAreScoredOnlyAfterTheLastEpoch()
    {
        var run = Train(() => new TinyModels.TwoLinears(), validation: true);

        run.Epochs.Should().OnlyContain(epoch => epoch.ValidationAccuracy.HasValue);
        run.Epochs.Select(epoch => epoch.TestAccuracy.HasValue).Should().Equal(false, false, true);
    }

    [Fact]
    public void EveryEpochWritesALineToTheScenarioAndTheProgressLog()
    {
        Train(() => new TinyModels.TwoLinears());

        scenarioOutput.Should().HaveCount(3).And.SatisfyRespectively(
            first => first.Should().StartWith("tiny: epoch 1/3: mean training loss"),
            second => second.Should().StartWith("tiny: epoch 2/3"),
            third => third.Should().StartWith("tiny: epoch 3/3").And.Contain("test accuracy").And.Contain("live tensors"));
        File.ReadAllText(folder.PathOf("progress.log")).Should().MatchRegex(@"tiny: epoch 3/3, batch 4/4, elapsed [0-9.]+ s, [0-9]+ samples/s, loss [0-9.]+");
    }

    public void Dispose() => folder.Dispose();

    private TrainingRun Train(Func<nn.Module<Tensor, Tensor>> build, int epochs = 3, bool validation = false)
    {
        var data = new ExperimentData(ImageSource.Mnist, "tiny images for the trainer's tests",
            new ImageSplit(Images, [.. Enumerable.Range(0, 60)], "60 tiny images"),
            validation ? new ImageSplit(Images, [.. Enumerable.Range(60, 20)], "20 tiny images") : null,
            new ImageSplit(Images, [.. Enumerable.Range(80, 20)], "20 tiny images"));
        var plan = new TrainingPlan(epochs, BatchSize: 16, LearningRate: 0.01, Seed: 5, TestEveryEpoch: !validation);
        return Trainer.Train("tiny", "tiny", build, data, plan, CPU, new TrainingProgress(folder.PathOf("progress.log"), scenarioOutput.Add));
    }
}
