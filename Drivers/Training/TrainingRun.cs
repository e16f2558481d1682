namespace ConvSpecs.Drivers.Training;

/// <summary>One model trained on one task's data: who it was, what it measured per epoch, how long it took.</summary>
public sealed record TrainingRun(string Role, string Model, string FinalLinear, IReadOnlyList<EpochRecord> Epochs, double TestAccuracy, double Seconds)
{
    public EpochRecord Last => Epochs[^1];

    public double[] Per(Func<EpochRecord, double> measure) => Epochs.Select(measure).ToArray();
}
