using System.Collections.Concurrent;
using ConvSpecs.Data;
using ConvSpecs.Models;

namespace ConvSpecs.Drivers.Training;

/// <summary>
/// Chooses and reads the images of a task. Variant 4 (3×32×32): CIFAR-10 when data/cifar-10-batches-bin exists or
/// CONVSPECS_DATASET=cifar10 asks for it, otherwise the shipped MNIST digits padded to 32×32 and repeated over 3
/// channels. The pooling task (1×28×28): the .npz in CONVSPECS_POOLING_NPZ, otherwise the MNIST digits as they are.
/// Files are read once per process; subsets are drawn per run from the seed.
/// </summary>
public static class ExperimentDataSets
{
    public const string Cifar10Folder = Cifar10Archive.BatchesFolderName;
    public const string MnistFolder = "mnist-10k";

    // MNIST ships no validation split: the pooling task holds out the last 1 000 training digits (the file is a fixed-seed shuffle).
    public const int MnistValidationImages = 1000;

    private static readonly ConcurrentDictionary<string, Lazy<LabeledImages>> Files = new();

    /// <summary>The data set a task will use and why, without reading it; a data set asked for but absent is an error that says how to get it.</summary>
    public static (ImageSource Source, string Why) Choose(string task, TrainingSettings settings) => task switch
    {
        "variant4" => ChooseForVariant4(settings),
        ModelRoles.PoolingTask => settings.PoolingNpz is { } npz
            ? File.Exists(npz)
                ? (ImageSource.Npz, $"CONVSPECS_POOLING_NPZ names {npz}")
                : throw new FileNotFoundException($"CONVSPECS_POOLING_NPZ (--pooling-npz) names {npz}, which does not exist.", npz)
            : (ImageSource.Mnist, "no .npz given (--pooling-npz or CONVSPECS_POOLING_NPZ), so the shipped MNIST digits, 28×28 like notMNIST"),
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, "Only variant 4 and the pooling task train."),
    };

    /// <summary>The task's training, validation (pooling task only) and test images, limited by the budget.</summary>
    public static ExperimentData Load(string task, TrainingSettings settings, TrainingBudget budget, long seed)
    {
        var (source, why) = Choose(task, settings);
        var (train, validation, test) = Read(task, source, settings);
        var trainCandidates = Enumerable.Range(0, train.Count).ToArray();
        ImageSplit? heldOut = null;
        if (task == ModelRoles.PoolingTask)
        {
            if (validation is not null)
                heldOut = ImageSplit.Choose(validation, Enumerable.Range(0, validation.Count).ToArray(), budget.Validation, seed, SeededOrder.ValidationSubset, validation.Name);
            else
            {
                // held out before the training subset is drawn, so no image can be in both
                var split = train.Count - MnistValidationImages;
                heldOut = ImageSplit.Choose(train, Enumerable.Range(split, MnistValidationImages).ToArray(), budget.Validation, seed, SeededOrder.ValidationSubset,
                    $"the last {MnistValidationImages:N0} of {train.Name}, held out of training");
                trainCandidates = trainCandidates[..split];
            }
        }

        return new ExperimentData(source, why,
            ImageSplit.Choose(train, trainCandidates, budget.Training, seed, SeededOrder.TrainingSubset, train.Name),
            heldOut,
            ImageSplit.Choose(test, Enumerable.Range(0, test.Count).ToArray(), budget.Test, seed, SeededOrder.TestSubset, test.Name));
    }

    private static (ImageSource, string) ChooseForVariant4(TrainingSettings settings)
    {
        var cifar = Path.Combine(settings.DataFolder, Cifar10Folder);
        return settings.DatasetRequest switch
        {
            "cifar10" when Directory.Exists(cifar) => (ImageSource.Cifar10, "CONVSPECS_DATASET=cifar10"),
            "cifar10" => throw new DirectoryNotFoundException(
                $"CONVSPECS_DATASET=cifar10 (--dataset cifar10) asks for CIFAR-10, but {cifar} does not exist. " +
                "Run ./run-specs.sh --fetch-cifar10 once (it downloads cifar-10-binary.tar.gz, checks its MD5 and unpacks it into data/)."),
            "mnist" => (ImageSource.Mnist, "CONVSPECS_DATASET=mnist; MNIST digits padded to 32×32 and repeated over 3 channels"),
            "auto" when Directory.Exists(cifar) => (ImageSource.Cifar10, $"CIFAR-10 is in {cifar}"),
            "auto" => (ImageSource.Mnist,
                $"no CIFAR-10 in {settings.DataFolder} (./run-specs.sh --fetch-cifar10 gets it), so the shipped MNIST digits, padded to 32×32 and repeated over 3 channels"),
            var other => throw new InvalidOperationException($"Unknown CONVSPECS_DATASET '{other}': use auto (the default), cifar10 or mnist."),
        };
    }

    private static (LabeledImages Train, LabeledImages? Validation, LabeledImages Test) Read(string task, ImageSource source, TrainingSettings settings)
    {
        var mnist = Path.Combine(settings.DataFolder, MnistFolder);
        var cifar = Path.Combine(settings.DataFolder, Cifar10Folder);
        return (source, task) switch
        {
            (ImageSource.Cifar10, _) => (Once(cifar, "train", () => Cifar10BinaryReader.ReadSplit(cifar, DataSplit.Train)), null,
                                         Once(cifar, "test", () => Cifar10BinaryReader.ReadSplit(cifar, DataSplit.Test))),
            (ImageSource.Npz, _) => (Once(settings.PoolingNpz!, "train", () => NpzReader.ReadSplit(settings.PoolingNpz!, DataSplit.Train)),
                                     Once(settings.PoolingNpz!, "val", () => NpzReader.ReadSplit(settings.PoolingNpz!, DataSplit.Validation)),
                                     Once(settings.PoolingNpz!, "test", () => NpzReader.ReadSplit(settings.PoolingNpz!, DataSplit.Test))),
            (_, "variant4") => (Once(mnist, "train 3×32×32", () => IdxReader.ReadMnist(mnist, DataSplit.Train).PadAndRepeat(32, 3)), null,
                                Once(mnist, "test 3×32×32", () => IdxReader.ReadMnist(mnist, DataSplit.Test).PadAndRepeat(32, 3))),
            _ => (Once(mnist, "train", () => IdxReader.ReadMnist(mnist, DataSplit.Train)), null,
                  Once(mnist, "test", () => IdxReader.ReadMnist(mnist, DataSplit.Test))),
        };
    }

    // A file that fails to read fails every scenario that needs it the same way, without being read again.
    private static LabeledImages Once(string path, string part, Func<LabeledImages> read) =>
        Files.GetOrAdd($"{path}|{part}", _ => new Lazy<LabeledImages>(read)).Value;
}
