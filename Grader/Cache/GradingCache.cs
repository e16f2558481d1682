using System.Collections.Concurrent;
using System.Text.Json;
using ConvSpecs.Bridge;
using ConvSpecs.Grader.Files;
using ConvSpecs.Grader.Grading;
using ConvSpecs.Grader.Isolation;
using ConvSpecs.Grader.Scale;
using ConvSpecs.Reports;
using ConvSpecs.Suite;

namespace ConvSpecs.Grader.Cache;

/// <summary>
/// The regrade cache (README, "Regrading only what changed"): a student's result is reused when the grader's build, the
/// settings and the student's files are those it was graded with (together the entry's key, hence its path) and the
/// feature files of the student's tasks are unchanged (checked on reuse, so a changed feature regrades only its task's
/// students). Entries are read back as untrusted input: anything wrong with one (damaged, edited, from another cache,
/// not this specification's) is a note and a regrade, never a crash nor a score it did not earn. Where entries are and
/// how many are kept: <see cref="CacheFolder"/>.
/// </summary>
public sealed class GradingCache
{
    public const string ReportFile = "cache.json";

    /// <summary>Students named per reason on the summary line (cache.json names them all): a first run of 600 is one reason.</summary>
    private const int NamesShown = 10;

    private readonly CacheFolder folder;
    private readonly byte[] key;
    private readonly string build = GraderBuild.Hash;
    private readonly string settings;
    private readonly GradingOptions options;
    private readonly TextWriter? progress;
    private readonly IReadOnlyDictionary<string, Scenario> scenarios = Specification.Suite.Scenarios.ToDictionary(scenario => scenario.Id, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Outcome> outcomes = new(StringComparer.Ordinal);

    private GradingCache(CacheFolder folder, string settings, GradingOptions options, TextWriter? progress)
    {
        this.folder = folder;
        key = folder.Key();
        this.settings = settings;
        this.options = options;
        this.progress = progress;
        folder.Use(build);
    }

    /// <summary>What happened to one student: reused, or graded and why; and what the cache noticed on the way.</summary>
    public sealed record Outcome(bool Reused, string Reason, string? Note);

    /// <summary>The cache in <see cref="GradingOptions.CacheDirectory"/>; null when there is none or it cannot be used (said on <paramref name="progress"/>).</summary>
    public static GradingCache? Open(GradingOptions options, Sandbox sandbox, string memoryLimit, TextWriter? progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.CacheDirectory is not { } root) return null;
        try
        {
            return new GradingCache(new CacheFolder(root), CachedSettings.Of(options, sandbox, memoryLimit).Hash, options, progress);
        }
        catch (Exception unusable) when (unusable is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            progress?.WriteLine(TerminalText.OneLine($"Regrade cache {root} cannot be used ({unusable.Message}); every student is graded and nothing is cached. Remove the folder to start a new cache."));
            return null;
        }
    }

    /// <summary>Refuses a cache folder a student's code could read (the sandbox shows it the built grader and the data) or a run would empty.</summary>
    public static void Validate(GradingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.CacheDirectory is not { } cache) return;
        foreach (var (folder, what) in new[] { (options.SubmissionsDirectory, "the submissions folder"), (AppContext.BaseDirectory, "the built grader"),
                     (options.Training.DataFolder, "the data folder"), (options.OutputDirectory, "the output folder, which every run empties") })
            if (GradingOptions.IsInside(cache, Path.GetFullPath(folder)))
                throw new ArgumentException($"The regrade cache {cache} is inside {what}; put it elsewhere (the default is artifacts/grading-cache).");
    }

    /// <summary>The student's cached result when it may be reused; otherwise <paramref name="grade"/>'s, stored when it is a verdict about the student.</summary>
    public async Task<StudentResult> GradeAsync(string student, string sources, Func<string, string, Task<StudentResult>> grade)
    {
        ArgumentNullException.ThrowIfNull(grade);
        var (files, notCached) = StudentFiles.Hash(sources);
        if (files is null)
        {
            outcomes[student] = new Outcome(false, $"not cached: {notCached}", null);
            return await grade(student, sources);
        }
        var path = folder.EntryPath(build, student, settings, files);
        var (reused, reason, note) = Reuse(student, path, files);
        if (reused is not null)
        {
            outcomes[student] = new Outcome(true, "unchanged", null);
            return reused;
        }
        if (note is not null) progress?.WriteLine(TerminalText.OneLine($"  {student}: {note}"));
        var result = await grade(student, sources);
        var stored = Store(sources, files, path, result);
        outcomes[student] = new Outcome(false, reason, note ?? stored);
        return result;
    }

    /// <summary>" (cache: reused)" or " (cache: its files changed)": for the student's line on the console.</summary>
    public string Describe(string student) =>
        outcomes.TryGetValue(student, out var outcome) ? $" (cache: {(outcome.Reused ? "reused" : outcome.Reason)})" : "";

    /// <summary>
    /// Says who was reused and who graded, on the console and in the output's cache.json (outside the files a run and its
    /// merged shards must agree on), then bounds the cache.
    /// </summary>
    public void Finish(IReadOnlyList<StudentResult> students, string output)
    {
        ArgumentNullException.ThrowIfNull(students);
        var rows = students.Select(student => (student.Student, Outcome: outcomes.GetValueOrDefault(student.Student) ?? new Outcome(false, "graded", null))).ToList();
        var reused = rows.Count(row => row.Outcome.Reused);
        var graded = rows.Where(row => !row.Outcome.Reused).GroupBy(row => row.Outcome.Reason, StringComparer.Ordinal)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Take(NamesShown).Select(row => row.Student))}{(group.Count() > NamesShown ? $" and {group.Count() - NamesShown} more" : "")}");
        progress?.WriteLine(TerminalText.OneLine($"Regrade cache {folder.Root}: {reused} reused, {rows.Count - reused} graded" +
            (reused < rows.Count ? $" ({string.Join("; ", graded)})" : "")));
        var report = new
        {
            Cache = folder.Root,
            Reused = rows.Where(row => row.Outcome.Reused).Select(row => row.Student),
            Graded = rows.Where(row => !row.Outcome.Reused).Select(row => new { row.Student, row.Outcome.Reason, row.Outcome.Note }),
        };
        File.WriteAllText(Path.Combine(output, ReportFile), JsonSerializer.Serialize(report, StudentRecord.Json) + "\n");
        try
        {
            folder.Prune();
        }
        catch (Exception failed) when (failed is IOException or UnauthorizedAccessException)
        {
            progress?.WriteLine(TerminalText.OneLine($"Regrade cache {folder.Root}: old builds could not be removed ({failed.Message})."));
        }
    }

    private (StudentResult? Reused, string Reason, string? Note) Reuse(string student, string path, string files)
    {
        if (UntrustedFile.Inspect(path).Kind == FileKind.Missing) return (null, folder.WhyMissing(path, settings), null);
        try
        {
            var entry = CacheEntry.Read(path, key);
            var name = Path.GetFileName(path);
            if (entry.Build != build || entry.Settings != settings || entry.Files != files)
                throw new InvalidDataException("its recorded inputs are not those its name says");
            var tasks = Tasks(entry.Record.Variants);
            if (!entry.Tasks.Select(task => task.Task).SequenceEqual(tasks))
                throw new InvalidDataException("the tasks it depends on are not those of its variants");
            if (FeatureDependencies.Changed(entry.Tasks) is { } changed) return (null, changed, null);
            var plan = GradingPlan.For(entry.Record.Variants, options.Variant).Select(item => (item.Number, item.Scenario.Id));
            if (!entry.Record.Scenarios.Select(verdict => (verdict.Number, verdict.Scenario)).SequenceEqual(plan))
                throw new InvalidDataException("its scenarios are not those this specification grades");
            var result = entry.Record.ToResult(name, student, scenarios);
            CacheFolder.Touch(path);
            return (result, "unchanged", null);
        }
        catch (InvalidDataException refused)
        {
            return (null, "its cached result was refused", $"the cached result {path} was refused ({refused.Message}); graded again");
        }
    }

    /// <summary>
    /// Stores a verdict about the student; returns why it was not stored, or null. Not stored: what the grader's side caused (a crashed compiler, a SIGKILL that no
    /// limit of the student's explains), and a result whose files changed while it was graded.
    /// </summary>
    private string? Store(string sources, string files, string path, StudentResult result)
    {
        if (NotAVerdict(result) is { } why) return $"not cached: {why}";
        if (StudentFiles.Hash(sources).Hash != files) return "not cached: its files changed while it was graded";
        try
        {
            var entry = new CacheEntry(CacheEntry.CurrentFormat, build, settings, files, FeatureDependencies.Of(Tasks(result.Variants)), StudentRecord.Of(result));
            folder.Write(path, entry.ToBytes(key));
            return null;
        }
        catch (Exception failed) when (failed is IOException or UnauthorizedAccessException)
        {
            return $"not cached: {failed.Message}";
        }
    }

    /// <summary>Why a result is not a verdict about the student's work but about the machine it was graded on; null when it is one.</summary>
    public static string? NotAVerdict(StudentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.CompileErrors.Any(error => error.Contains(": the compiler crashed", StringComparison.Ordinal)))
            return "the compiler crashed";
        if (result.Scenarios.Any(verdict => verdict.Status == ScenarioStatus.Interrupted && verdict.Message?.StartsWith("crashed: killed by signal 9 ", StringComparison.Ordinal) == true))
            return "a worker was killed by SIGKILL, which no limit of the student's explains";
        return null;
    }

    // The tasks whose scenarios the student's verdicts are about: the variants attempted, or the one --variant grades.
    private IReadOnlyList<string> Tasks(IReadOnlyList<string> variants) =>
        [.. variants.Where(variant => options.Variant is null || variant == options.Variant).Distinct().Order(StringComparer.Ordinal)];
}
