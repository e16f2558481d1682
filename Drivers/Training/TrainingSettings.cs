namespace ConvSpecs.Drivers.Training;

/// <summary>
/// What the training experiments take from the environment: the profile (CONVSPECS_PROFILE, quick or full), the data
/// folder (CONVSPECS_DATA_DIR, default data/ of the repository), the image data set of variant 4 (CONVSPECS_DATASET:
/// auto, cifar10 or mnist) and seed 003's prepared notMNIST file for the pooling task (CONVSPECS_POOLING_NPZ).
/// </summary>
public sealed record TrainingSettings(TrainingProfile Profile, string DataFolder, string DatasetRequest, string? PoolingNpz)
{
    public static TrainingSettings FromEnvironment()
    {
        var profile = TrainingProfile.Named(Variable("CONVSPECS_PROFILE") ?? "quick");
        var data = Variable("CONVSPECS_DATA_DIR") is { } folder
            ? Path.GetFullPath(folder)
            : Path.Combine(RunSettings.RepositoryRoot() ?? Directory.GetCurrentDirectory(), "data");
        var npz = Variable("CONVSPECS_POOLING_NPZ") is { } path ? Path.GetFullPath(path) : null;
        return new TrainingSettings(profile, data, (Variable("CONVSPECS_DATASET") ?? "auto").ToLowerInvariant(), npz);
    }

    /// <summary>The data folder and the notMNIST file, those of them that exist: what a sandboxed worker is given to read.</summary>
    public IEnumerable<string> ExistingInputs() => new[] { DataFolder, PoolingNpz }.OfType<string>().Where(Path.Exists);

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
