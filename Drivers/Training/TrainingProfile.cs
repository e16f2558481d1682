using ConvSpecs.Models;

namespace ConvSpecs.Drivers.Training;

/// <summary>
/// How long the experiments train. <c>quick</c> (the default under <c>dotnet test</c>) keeps the whole suite within a
/// couple of minutes on 2 cores and still learns clearly; <c>full</c> uses the seeds' settings: 5 epochs over the whole
/// training set for variant 4 (seed 000), 30 epochs for the pooling task (seed 003).
/// </summary>
public sealed record TrainingProfile(string Name, TrainingBudget Variant4, TrainingBudget Variant4OnCifar10, TrainingBudget Pooling)
{
    // Measured on 2 cores with the shipped MNIST digits: 3 epochs of 4 096 images bring seed 000's slower GAP head to a
    // loss of about 1.0, and 10 epochs of 7 000 bring seed 003's pooling nets above 70 %. CIFAR-10 is harder, so quick
    // gives it more images; that budget is an estimate, since CIFAR-10 cannot be downloaded where this was written.
    public static readonly TrainingProfile Quick = new("quick",
        Variant4: new TrainingBudget(3, 4096, null, 1000),
        Variant4OnCifar10: new TrainingBudget(3, 10_000, null, 2000),
        Pooling: new TrainingBudget(10, 7000, 1000, 2000));

    public static readonly TrainingProfile Full = new("full",
        Variant4: new TrainingBudget(5, null, null, null),
        Variant4OnCifar10: new TrainingBudget(5, null, null, null),
        Pooling: new TrainingBudget(30, null, null, null));

    /// <summary>quick or full, as CONVSPECS_PROFILE and <c>./run-specs.sh --full</c> name them.</summary>
    public static TrainingProfile Named(string name) => name.ToLowerInvariant() switch
    {
        "quick" => Quick,
        "full" => Full,
        _ => throw new InvalidOperationException($"Unknown training profile '{name}': use quick (the default) or full."),
    };

    /// <summary>The budget of a task on a data set.</summary>
    public TrainingBudget For(string task, ImageSource source) => task switch
    {
        ModelRoles.PoolingTask => Pooling,
        "variant4" => source == ImageSource.Cifar10 ? Variant4OnCifar10 : Variant4,
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, "Only variant 4 and the pooling task train."),
    };
}
