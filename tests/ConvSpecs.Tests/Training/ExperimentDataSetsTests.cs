using ConvSpecs.Drivers.Training;
using ConvSpecs.Tests.Data;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Tests.Training;

/// <summary>Which images each task trains on, in a data folder built per test (the shipped digits copied, CIFAR-10 records written).</summary>
public sealed class ExperimentDataSetsTests : IDisposable
{
    private static readonly string TinyNpz = RepositoryFiles.PathOf("tests", "ConvSpecs.Tests", "Data", "Fixtures", "tiny.npz");

    private readonly TempFolder folder = new();

    [Fact]
    public void WithoutCifar10Variant4TrainsOnTheShippedDigitsPaddedTo3By32By32()
    {
        CopyShippedMnist();

        var data = ExperimentDataSets.Load("variant4", Settings(), TrainingProfile.Quick.Variant4, seed: 1);

        data.Source.Should().Be(ImageSource.Mnist);
        data.Why.Should().Contain("./run-specs.sh --fetch-cifar10");
        (data.Train.Count, data.Test.Count, data.Validation).Should().Be((4096, 1000, null));
        (data.Train.Images.Channels, data.Train.Images.Height, data.Train.Images.Width).Should().Be((3, 32, 32));
        data.Train.Images.Name.Should().Be("mnist-10k/train as 3×32×32");
    }

    [Fact]
    public void Cifar10InTheDataFolderIsChosenForVariant4()
    {
        WriteCifar10();

        var data = ExperimentDataSets.Load("variant4", Settings(), TrainingProfile.Quick.Variant4OnCifar10, seed: 1);

        data.Source.Should().Be(ImageSource.Cifar10);
        (data.Train.Count, data.Test.Count).Should().Be((5, 1));
        data.Train.Images.Labels.Should().Equal(1, 2, 3, 4, 5);
    }

    [Fact]
    public void TheShippedDigitsCanBeAskedForWhenCifar10IsThere()
    {
        CopyShippedMnist();
        WriteCifar10();

        ExperimentDataSets.Choose("variant4", Settings("mnist")).Source.Should().Be(ImageSource.Mnist);
    }

    [Fact]
    public void AskingForCifar10WhereThereIsNoneSaysHowToFetchIt()
    {
        var choose = () => ExperimentDataSets.Choose("variant4", Settings("cifar10"));

        choose.Should().Throw<DirectoryNotFoundException>().WithMessage("CONVSPECS_DATASET=cifar10*cifar-10-batches-bin does not exist*Run ./run-specs.sh --fetch-cifar10*");
    }

    [Fact]
    public void AnUnknownDataSetIsNamed()
    {
        var choose = () => ExperimentDataSets.Choose("variant4", Settings("imagenet"));

        choose.Should().Throw<InvalidOperationException>().WithMessage("Unknown CONVSPECS_DATASET 'imagenet': use auto (the default), cifar10 or mnist.");
    }

    [Fact]
    public void ATruncatedCifar10BatchFailsWithTheFileNameAndWhatIsWrong()
    {
        WriteCifar10();
        folder.Write("cifar-10-batches-bin/data_batch_3.bin", new byte[3073 + 100]);

        var load = () => ExperimentDataSets.Load("variant4", Settings(), TrainingProfile.Quick.Variant4OnCifar10, seed: 1);

        load.Should().Throw<InvalidDataException>().WithMessage("data_batch_3.bin: 3173 bytes is not a whole number of 3073-byte records*");
    }

    [Fact]
    public void ThePoolingTaskHoldsOutTheLastThousandTrainingDigitsForValidation()
    {
        CopyShippedMnist();

        var data = ExperimentDataSets.Load("pooling", Settings(), TrainingProfile.Quick.Pooling, seed: 1);

        data.Source.Should().Be(ImageSource.Mnist);
        (data.Train.Count, data.Validation!.Count, data.Test.Count).Should().Be((7000, 1000, 2000));
        data.Train.Indices.Should().OnlyContain(index => index < 7000);
        data.Validation.Indices.Should().OnlyContain(index => index >= 7000);
        data.Validation.Images.Should().BeSameAs(data.Train.Images);
        (data.Train.Images.Channels, data.Train.Images.Height, data.Train.Images.Width).Should().Be((1, 28, 28));
    }

    [Fact]
    public void ThePoolingTaskReadsTheNpzItIsGiven()
    {
        var data = ExperimentDataSets.Load("pooling", Settings(npz: TinyNpz), TrainingProfile.Quick.Pooling, seed: 1);

        data.Source.Should().Be(ImageSource.Npz);
        (data.Train.Count, data.Validation!.Count, data.Test.Count).Should().Be((4, 4, 4));
        data.Validation.Images.Name.Should().Be("tiny/val");
    }

    [Fact]
    public void AMissingNpzIsNamed()
    {
        var missing = folder.PathOf("notmnist_28.npz");

        var choose = () => ExperimentDataSets.Choose("pooling", Settings(npz: missing));

        choose.Should().Throw<FileNotFoundException>().WithMessage($"CONVSPECS_POOLING_NPZ (--pooling-npz) names {missing}, which does not exist.");
    }

    [Fact]
    public void TheSeedChoosesTheSubsetAndItsOrder()
    {
        CopyShippedMnist();
        var budget = new TrainingBudget(1, 100, null, 10);

        var first = ExperimentDataSets.Load("variant4", Settings(), budget, seed: 1);
        var again = ExperimentDataSets.Load("variant4", Settings(), budget, seed: 1);
        var other = ExperimentDataSets.Load("variant4", Settings(), budget, seed: 2);

        again.Train.Indices.Should().Equal(first.Train.Indices);
        other.Train.Indices.Should().NotEqual(first.Train.Indices);
    }

    public void Dispose() => folder.Dispose();

    private TrainingSettings Settings(string dataset = "auto", string? npz = null) => new(TrainingProfile.Quick, folder.Root, dataset, npz);

    private void CopyShippedMnist()
    {
        foreach (var file in Directory.EnumerateFiles(RepositoryFiles.PathOf("data", "mnist-10k"), "*.gz"))
            folder.Write(Path.Combine("mnist-10k", Path.GetFileName(file)), File.ReadAllBytes(file));
    }

    private void WriteCifar10()
    {
        foreach (var (name, bytes) in Cifar10Records.BatchesFolder()) folder.Write(Path.Combine("cifar-10-batches-bin", name), bytes);
    }
}
