using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ConvSpecs.Grader.Files;
using ConvSpecs.Grader.Grading;
using ConvSpecs.Suite;

namespace ConvSpecs.Grader.Scale;

/// <summary>What a run printed in its reports besides the students (seed, limits, sandbox) and how the reports were made.</summary>
public sealed record RunFacts(long Seed, string Device, double ScenarioTimeoutSeconds, double StudentTimeoutSeconds, long MemoryMiB, string? Variant,
    string Sandbox, IReadOnlyList<string> Isolated, IReadOnlyList<string> NotIsolated, string MemoryLimit)
{
    public static RunFacts Of(GradedRun run, GradingOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        return new(options.Seed, options.Device, options.ScenarioTimeout.TotalSeconds, options.StudentTimeout.TotalSeconds, options.MemoryLimitMiB,
            options.Variant, run.Sandbox, run.Isolated, run.NotIsolated, run.MemoryLimit);
    }

    /// <summary>The options the report writers read, over an output folder.</summary>
    public GradingOptions Options(string output) => new()
    {
        SubmissionsDirectory = "",
        OutputDirectory = output,
        Seed = Seed,
        Device = Device,
        ScenarioTimeout = TimeSpan.FromSeconds(ScenarioTimeoutSeconds),
        StudentTimeout = TimeSpan.FromSeconds(StudentTimeoutSeconds),
        MemoryLimitMiB = MemoryMiB,
        Variant = Variant,
    };

    /// <summary>Records compare their lists by reference; two runs agree when their facts serialize alike.</summary>
    [JsonIgnore]
    public string Canonical => JsonSerializer.Serialize(this, StudentRecord.Json);
}

/// <summary>
/// run.json in every grading output: which build of the grader and specification graded it, which shard (null for a
/// whole class), the run's facts and wall time, and its students in order. A merge checks the shards against it and
/// each other before it believes any record; it is read as untrusted input, at most <see cref="MaxBytes"/>.
/// </summary>
public sealed record RunManifest(string Format, string Build, string? Shard, RunFacts Facts, TimeSpan WallTime, IReadOnlyList<string> Students)
{
    public const string FileName = "run.json";
    public const string CurrentFormat = "convspecs-grading/1";

    /// <summary>Names of 255 bytes, 10 000 students: 4 MiB is ample.</summary>
    public const long MaxBytes = 4L * 1024 * 1024;

    private static readonly Lazy<string> ThisBuild = new(Fingerprint);

    /// <summary>This grader's build: shards graded by another build may judge differently, and the reports name scenarios by this one's.</summary>
    public static string CurrentBuild => ThisBuild.Value;

    public static RunManifest Of(GradedRun run, GradingOptions options, Shard? shard)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(CurrentFormat, CurrentBuild, shard?.ToString(), RunFacts.Of(run, options), run.WallTime, [.. run.Students.Select(student => student.Student)]);
    }

    public string ToJson() => JsonSerializer.Serialize(this, StudentRecord.Json) + "\n";

    public static RunManifest Read(string path)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<RunManifest>(UntrustedFile.Read(path, MaxBytes, path), StudentRecord.Json)
                ?? throw new InvalidDataException($"{path} holds null, not a grading manifest.");
            if (manifest.Format != CurrentFormat)
                throw new InvalidDataException($"{path} is in format '{manifest.Format}'; this grader reads {CurrentFormat}.");
            if (manifest.Students.Any(student => student is null) || manifest.Facts.Isolated.Concat(manifest.Facts.NotIsolated).Any(line => line is null))
                throw new InvalidDataException($"{path} has a null in a list.");
            return manifest;
        }
        catch (Exception unreadable) when (unreadable is JsonException or UntrustedFileException)
        {
            throw new InvalidDataException($"{path} is not a grading manifest: {unreadable.Message}", unreadable);
        }
    }

    // The module version ids of the grader and the specification's assemblies (deterministic builds: the same sources give
    // the same ids) and every scenario as the feature files loaded here say it.
    private static string Fingerprint()
    {
        var text = new StringBuilder()
            .Append(typeof(RunManifest).Assembly.ManifestModule.ModuleVersionId).Append('\n')
            .Append(typeof(Specification).Assembly.ManifestModule.ModuleVersionId).Append('\n');
        foreach (var scenario in Specification.Suite.Scenarios)
            text.Append(scenario.Id).Append('\0').Append(scenario.Name).Append('\0').AppendJoin(' ', scenario.Tags).Append('\0')
                .AppendJoin('\0', scenario.Steps.Select(step => step.Keyword + step.Text)).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
