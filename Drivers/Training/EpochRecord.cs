namespace ConvSpecs.Drivers.Training;

/// <summary>
/// What one epoch measured. Accuracies are fractions; a null accuracy was not measured that epoch. The variance is
/// that of the activations entering the final Linear on the fixed evaluation batch (see <see cref="FinalLinearInput"/>).
/// <paramref name="LiveTensors"/>: tensors created and not yet disposed on the training thread; with every batch in a
/// dispose scope it is the same after every epoch.
/// </summary>
public sealed record EpochRecord(
    int Epoch,
    double MeanTrainingLoss,
    double TrainingAccuracy,
    double? ValidationAccuracy,
    double? TestAccuracy,
    double FinalLinearInputVariance,
    double TrainingSeconds,
    double SamplesPerSecond,
    long ResidentBytes,
    long LiveTensors);
