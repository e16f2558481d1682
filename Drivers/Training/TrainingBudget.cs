namespace ConvSpecs.Drivers.Training;

/// <summary>How much one task trains: epochs, and at most how many images of each split it uses (null: all).</summary>
public sealed record TrainingBudget(int Epochs, int? Training, int? Validation, int? Test)
{
    public string Describe() =>
        $"{Epochs} epochs over {Count(Training)} training images; {Count(Validation)} validation, {Count(Test)} test images";

    private static string Count(int? limit) => limit is { } n ? $"up to {n:N0}" : "all";
}
