using System.Globalization;

namespace ConvSpecs.Grader.Worker;

/// <summary>What the grader tells a worker: which assembly, whose, where its evidence goes, and which scenarios.</summary>
public sealed record WorkerArguments(string Assembly, string Student, string Evidence, long Seed, string Device, int FirstIndex, IReadOnlyList<string> Scenarios)
{
    public IEnumerable<string> ToArgs() =>
    [
        "worker", "--assembly", Assembly, "--student", Student, "--evidence", Evidence,
        "--seed", Seed.ToString(CultureInfo.InvariantCulture), "--device", Device,
        "--first-index", FirstIndex.ToString(CultureInfo.InvariantCulture),
        .. Scenarios.SelectMany(id => new[] { "--scenario", id }),
    ];

    public static WorkerArguments Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>();
        var scenarios = new List<string>();
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            if (args[i] == "--scenario") scenarios.Add(args[i + 1]);
            else values[args[i]] = args[i + 1];
        }
        string Value(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"worker: {name} is missing.");
        return new WorkerArguments(Value("--assembly"), Value("--student"), Value("--evidence"),
            long.Parse(Value("--seed"), CultureInfo.InvariantCulture), Value("--device"),
            int.Parse(Value("--first-index"), CultureInfo.InvariantCulture), scenarios);
    }
}
