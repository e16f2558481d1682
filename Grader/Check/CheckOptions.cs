using ConvSpecs.Drivers;

namespace ConvSpecs.Grader.Check;

/// <summary>What a student's check does: which folder of submissions, which one, which variant, once or on every save.</summary>
/// <param name="ModelsDirectory">The folder whose sub-folders are submissions (Models/, or a hand-in copy).</param>
/// <param name="Submission">The one to check; null checks every folder found.</param>
/// <param name="Variant">Only this variant's rules ("2", "pooling"); null for every variant the submission has.</param>
/// <param name="Watch">Check again on every save until Ctrl+C.</param>
/// <param name="WorkDirectory">Where the compiled assemblies go (artifacts/check).</param>
public sealed record CheckOptions(string ModelsDirectory, string? Submission, string? Variant, bool Watch, string WorkDirectory)
{
    public const string Usage = """
        usage: ConvSpecs.Grader check [options]     check a student's folder of Models/ without rebuilding the project
          --submission NAME   the folder Models/NAME (default: every folder)
          --variant N         only variant N's rules (1-6, or pooling)
          --watch             check again on every save (Ctrl+C stops)
          --models DIR        the folder of submissions (default: Models/ of the repository)
        Seed, device and evidence folder: CONVSPECS_SEED, CONVSPECS_DEVICE, CONVSPECS_EVIDENCE_DIR.
        """;

    /// <summary>The repository's Models/: there the namespace must be ConvSpecs.Models.&lt;folder&gt; (dotnet test reads it).</summary>
    public bool IsRepositoryModels =>
        RunSettings.RepositoryRoot() is { } root && Path.GetFullPath(ModelsDirectory).TrimEnd('/') == Path.Combine(root, "Models");

    public static CheckOptions Parse(IReadOnlyList<string> args)
    {
        var root = RunSettings.RepositoryRoot() ?? Directory.GetCurrentDirectory();
        string models = Path.Combine(root, "Models"), work = Path.Combine(root, "artifacts", "check");
        string? submission = null, variant = null;
        var watch = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--submission": submission = Value(args, ref i); break;
                case "--variant": variant = Value(args, ref i); break;
                case "--models": models = Path.GetFullPath(Value(args, ref i)); break;
                case "--work": work = Path.GetFullPath(Value(args, ref i)); break;
                case "--watch": watch = true; break;
                default: throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }
        if (watch && submission is null) throw new ArgumentException("--watch needs --submission NAME: the folder to watch");
        return new CheckOptions(models, submission, variant, watch, work);
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");
}
