namespace ConvSpecs.Drivers.Training;

/// <summary>
/// How every model of a task is trained: Adam at this learning rate on batches of this size for the budget's epochs,
/// cross-entropy loss, from the seed. <paramref name="TestEveryEpoch"/>: variant 4 follows test accuracy per epoch;
/// the pooling task watches validation and looks at the test images once, at the end.
/// </summary>
public sealed record TrainingPlan(int Epochs, int BatchSize, double LearningRate, long Seed, bool TestEveryEpoch, int VarianceBatch = 256)
{
    public string Describe() =>
        $"Adam (learning rate {LearningRate:G4}), batches of {BatchSize}, cross-entropy, {Epochs} epochs, seed {Seed}";
}
