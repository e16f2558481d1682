using ConvSpecs.Bridge;
using ConvSpecs.Grader.Files;
using ConvSpecs.Grader.Grading;
using ConvSpecs.Suite;

namespace ConvSpecs.Grader.Scale;

/// <summary>merge OUT1 … OUTN --out OUT [--roster R --canvas-csv F]: the shard outputs to combine and where the class's go.</summary>
public sealed record MergeOptions(IReadOnlyList<string> Shards, string Output, CanvasExport? Canvas)
{
    public static MergeOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var shards = new List<string>();
        string? output = null;
        CanvasExport? canvas = null;
        for (var i = 0; i < args.Count; i++)
        {
            var argument = args[i];
            if (!argument.StartsWith("--", StringComparison.Ordinal))
            {
                shards.Add(Path.GetFullPath(argument));
                continue;
            }
            var value = ++i < args.Count ? args[i] : throw new ArgumentException($"{argument} needs a value.");
            if (argument == "--out") output = Path.GetFullPath(value);
            else canvas = CanvasExport.With(canvas, argument, value);
        }
        if (shards.Count == 0 || output is null) throw new ArgumentException("merge needs the shards' output folders and --out: merge OUT1 … OUTN --out OUT");
        if (shards.Contains(output)) throw new ArgumentException($"The merged output {output} is one of the shards; write it to a folder of its own.");
        canvas?.Validate();
        return new MergeOptions(shards, output, canvas);
    }
}

/// <summary>
/// Combines the outputs of `grade --shard K/N` into the output one run over the whole class writes: the shards' manifests
/// must come from this grader's build, agree on the settings and sandbox, and be the N shards of one N, each once; every
/// student recorded once, in the shard its name belongs to. The merged wall time is the longest shard's (they ran side
/// by side). Anything else is refused with the shard and the reason: a merge never guesses.
/// </summary>
public static class ShardMerge
{
    public static GradedRun Merge(MergeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var manifests = options.Shards.Select(folder => (Folder: folder, Manifest: RunManifest.Read(Path.Combine(folder, RunManifest.FileName)))).ToList();
        var shards = Check(manifests);

        var scenarios = Specification.Suite.Scenarios.ToDictionary(scenario => scenario.Id, StringComparer.Ordinal);
        var students = new List<StudentResult>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var ((folder, manifest), shard) in manifests.Zip(shards))
            foreach (var student in manifest.Students)
            {
                if (!IsFolderName(student)) throw new InvalidDataException($"{folder}: '{student}' is not a folder name.");
                if (seen.TryGetValue(student, out var other)) throw new InvalidDataException($"Student '{student}' is in both {other} and {folder}.");
                if (!shard.Contains(student)) throw new InvalidDataException($"{folder} is shard {shard}, but student '{student}' belongs to shard {Shard.Of(student, shard.Count)}/{shard.Count}.");
                seen[student] = folder;
                var studentFolder = Path.Combine(folder, "students", student);
                if (UntrustedFile.Inspect(studentFolder).Kind != FileKind.Directory)
                    throw new InvalidDataException($"{studentFolder} is {UntrustedFile.Inspect(studentFolder).Kind.Describe()}, not the student's results folder.");
                students.Add(StudentRecord.Read(Path.Combine(studentFolder, StudentRecord.FileName), student, scenarios));
            }

        var facts = manifests[0].Manifest.Facts;
        return new GradedRun([.. students.OrderBy(student => student.Student, StringComparer.Ordinal)],
            manifests.Max(item => item.Manifest.WallTime), facts.Sandbox, facts.Isolated, facts.NotIsolated, facts.MemoryLimit);
    }

    /// <summary>Writes the merged class into <paramref name="output"/>, replacing what a previous run left there.</summary>
    public static void Write(GradedRun run, RunFacts facts, string output)
    {
        ArgumentNullException.ThrowIfNull(facts);
        Directory.CreateDirectory(output);
        if (Directory.Exists(Path.Combine(output, "students"))) Directory.Delete(Path.Combine(output, "students"), recursive: true);
        foreach (var file in GradingOutput.ClassFiles) File.Delete(Path.Combine(output, file));
        GradingOutput.Write(run, facts.Options(output), shard: null);
    }

    public static RunFacts Facts(MergeOptions options) =>
        RunManifest.Read(Path.Combine(options.Shards[0], RunManifest.FileName)).Facts;

    private static List<Shard> Check(List<(string Folder, RunManifest Manifest)> manifests)
    {
        var (firstFolder, first) = manifests[0];
        var shards = new List<Shard>();
        foreach (var (folder, manifest) in manifests)
        {
            if (manifest.Build != RunManifest.CurrentBuild)
                throw new InvalidDataException($"{folder} was graded by grader build {manifest.Build}; this is build {RunManifest.CurrentBuild}. Merge with the grader that graded the shards.");
            if (manifest.Facts.Canonical != first.Facts.Canonical)
                throw new InvalidDataException($"{folder} was graded with other settings or another sandbox than {firstFolder}:\n  {manifest.Facts.Canonical}\n  {first.Facts.Canonical}");
            var shard = manifest.Shard is { } text ? Shard.Parse(text) : throw new InvalidDataException($"{folder} is a whole class's output, not a shard's (grade … --shard K/N).");
            shards.Add(shard);
        }
        var count = shards[0].Count;
        if (shards.Any(shard => shard.Count != count))
            throw new InvalidDataException($"The shards were cut for different counts: {string.Join(", ", shards)}.");
        var missing = Enumerable.Range(0, count).Where(index => shards.Count(shard => shard.Index == index) != 1).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"Each of the {count} shards must be given once; not so for shard(s) {string.Join(", ", missing.Select(index => $"{index}/{count}"))}.");
        return shards;
    }

    private static bool IsFolderName(string name) =>
        name.Length > 0 && name is not ("." or "..") && name.IndexOfAny(['/', '\0']) < 0;
}
