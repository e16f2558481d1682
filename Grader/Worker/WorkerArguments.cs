using System.Globalization;
using ConvSpecs.Drivers.Training;

namespace ConvSpecs.Grader.Worker;

/// <summary>
/// What the grader tells a worker: which assembly, whose, where its evidence goes, which scenarios, and the
/// training settings. Everything a worker needs comes here, on its command line, never from the grader's
/// environment (the worker's is emptied).
/// </summary>
/// <param name="Sources">The student's own folder (read-only in the sandbox): the specs read the model's forward from it.</param>
public sealed record WorkerArguments(string Assembly, string Student, string Evidence, long Seed, string Device, int FirstIndex,
    IReadOnlyList<string> Scenarios, TrainingSettings Training, string? Sources = null)
{
    public IEnumerable<string> ToArgs() =>
    [
        "worker", "--assembly", Assembly, "--student", Student, "--evidence", Evidence,
        "--seed", Seed.ToString(CultureInfo.InvariantCulture), "--device", Device,
        "--first-index", FirstIndex.ToString(CultureInfo.InvariantCulture),
        "--profile", Training.Profile.Name, "--data-dir", Training.DataFolder, "--dataset", Training.DatasetRequest,
        .. Training.PoolingNpz is { } npz ? new[] { "--pooling-npz", npz } : [],
        .. Sources is { } sources ? new[] { "--sources", sources } : [],
        .. Scenarios.SelectMany(id => new[] { "--scenario", id }),
    ];

    public static WorkerArguments Parse(IReadOnlyList<string> args)
    {
        var values = Options(args, out var scenarios);
        string Value(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"worker: {name} is missing.");
        var training = new TrainingSettings(TrainingProfile.Named(Value("--profile")), Value("--data-dir"), Value("--dataset"), values.GetValueOrDefault("--pooling-npz"));
        return new WorkerArguments(Value("--assembly"), Value("--student"), Value("--evidence"),
            long.Parse(Value("--seed"), CultureInfo.InvariantCulture), Value("--device"),
            int.Parse(Value("--first-index"), CultureInfo.InvariantCulture), scenarios, training, values.GetValueOrDefault("--sources"));
    }

    /// <summary>"--name value" pairs; every --scenario in order.</summary>
    public static Dictionary<string, string> Options(IReadOnlyList<string> args, out List<string> scenarios)
    {
        var values = new Dictionary<string, string>();
        scenarios = [];
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            if (args[i] == "--scenario") scenarios.Add(args[i + 1]);
            else values[args[i]] = args[i + 1];
        }
        return values;
    }
}

/// <summary>One request to the compiler process: whose sources, where they are, where the assembly goes, and whether the API allow-list applies.</summary>
public sealed record CompileArguments(string Student, string Sources, string Assembly, bool CheckApis = true);
