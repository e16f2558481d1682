using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
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
/// not this specification's) is a note and a regrade, never a crash nor a score it did not earn.
/// Layout: DIR/key (the HMAC key), DIR/&lt;build&gt;/&lt;SHA-256 of the student's name&gt;/&lt;settings&gt;-&lt;files&gt;.entry.
/// </summary>
public sealed class GradingCache
{
    public const string ReportFile = "cache.json";

    /// <summary>Entries kept per student and build (other settings, earlier submissions), and builds kept: the cache's bound.</summary>
    public const int EntriesPerStudent = 4;

    public const int BuildsKept = 3;

    /// <summary>Students named per reason on the summary line (cache.json names them all): a first run of 600 is one reason.</summary>
    private const int NamesShown = 10;

    private const string KeyFile = "key";
    private const int KeyBytes = 32;

    private readonly string root;
    private readonly byte[] key;
    private readonly string build;
    private readonly string settings;
    private readonly GradingOptions options;
    private readonly TextWriter? progress;
    private readonly IReadOnlyDictionary<string, Scenario> scenarios = Specification.Suite.Scenarios.ToDictionary(scenario => scenario.Id, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Outcome> outcomes = new(StringComparer.Ordinal);

    private GradingCache(string root, byte[] key, string settings, GradingOptions options, TextWriter? progress)
    {
        this.root = root;
        this.key = key;
        build = GraderBuild.Hash;
        this.settings = settings;
        this.options = options;
        this.progress = progress;
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
            Directory.CreateDirectory(root);
            var cache = new GradingCache(root, Key(root), CachedSettings.Of(options, sandbox, memoryLimit).Hash, options, progress);
            // the build folder's time is its last use: what Prune keeps
            Directory.SetLastWriteTimeUtc(Directory.CreateDirectory(Path.Combine(root, cache.build)).FullName, DateTime.UtcNow);
            return cache;
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
    public async Task<StudentResult> GradeAsync(string student, string folder, Func<string, string, Task<StudentResult>> grade)
    {
        ArgumentNullException.ThrowIfNull(grade);
        var (files, notCached) = StudentFiles.Hash(folder);
        if (files is null)
        {
            outcomes[student] = new Outcome(false, $"not cached: {notCached}", null);
            return await grade(student, folder);
        }
        var path = EntryPath(student, files);
        var (reused, reason, note) = Reuse(student, path, files);
        if (reused is not null)
        {
            outcomes[student] = new Outcome(true, "unchanged", null);
            return reused;
        }
        if (note is not null) progress?.WriteLine(TerminalText.OneLine($"  {student}: {note}"));
        var result = await grade(student, folder);
        var stored = Store(student, folder, files, path, result);
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
        progress?.WriteLine(TerminalText.OneLine($"Regrade cache {root}: {reused} reused, {rows.Count - reused} graded" +
            (reused < rows.Count ? $" ({string.Join("; ", graded)})" : "")));
        var report = new
        {
            Cache = root,
            Reused = rows.Where(row => row.Outcome.Reused).Select(row => row.Student),
            Graded = rows.Where(row => !row.Outcome.Reused).Select(row => new { row.Student, row.Outcome.Reason, row.Outcome.Note }),
        };
        File.WriteAllText(Path.Combine(output, ReportFile), JsonSerializer.Serialize(report, StudentRecord.Json) + "\n");
        Prune();
    }

    private (StudentResult? Reused, string Reason, string? Note) Reuse(string student, string path, string files)
    {
        if (UntrustedFile.Inspect(path).Kind == FileKind.Missing) return (null, WhyMissing(student, path), null);
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
            Touch(path);
            return (result, "unchanged", null);
        }
        catch (InvalidDataException refused)
        {
            return (null, "its cached result was refused", $"the cached result {path} was refused ({refused.Message}); graded again");
        }
    }

    /// <summary>Whose inputs changed, from the names of the student's other entries (the settings' hash, then the files').</summary>
    private string WhyMissing(string student, string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        var others = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.entry").Select(Path.GetFileNameWithoutExtension).OfType<string>().ToList() : [];
        if (others.Any(other => other.StartsWith(settings + "-", StringComparison.Ordinal))) return "its files changed";
        if (others.Count > 0) return "the settings changed";
        var studentFolder = Path.GetFileName(folder);
        return Directory.EnumerateDirectories(root).Any(other => Directory.Exists(Path.Combine(other, studentFolder))) ? "the grader was rebuilt" : "not in the cache";
    }

    /// <summary>
    /// Stores a verdict about the student, written whole then renamed into place (shards may share the cache); returns
    /// why it was not stored, or null. Not stored: what the grader's side caused (a crashed compiler, a SIGKILL that no
    /// limit of the student's explains), and a result whose files changed while it was graded.
    /// </summary>
    private string? Store(string student, string folder, string files, string path, StudentResult result)
    {
        if (NotAVerdict(result) is { } why) return $"not cached: {why}";
        if (StudentFiles.Hash(folder).Hash != files) return "not cached: its files changed while it was graded";
        try
        {
            var entry = new CacheEntry(CacheEntry.CurrentFormat, build, settings, files, FeatureDependencies.Of(Tasks(result.Variants)), StudentRecord.Of(result));
            var directory = Directory.CreateDirectory(Path.GetDirectoryName(path)!).FullName;
            var temporary = Path.Combine(directory, $".{Guid.NewGuid():N}.tmp");
            File.WriteAllBytes(temporary, entry.ToBytes(key));
            File.Move(temporary, path, overwrite: true);
            var entries = new DirectoryInfo(directory).EnumerateFiles().ToList();
            // the oldest entries beyond the bound, and what a killed grader left half written
            foreach (var old in entries.Where(file => file.Extension == ".entry").OrderByDescending(file => file.LastWriteTimeUtc).Skip(EntriesPerStudent)
                         .Concat(entries.Where(file => file.Extension == ".tmp" && file.LastWriteTimeUtc < DateTime.UtcNow.AddDays(-1))))
                old.Delete();
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

    private string EntryPath(string student, string files) =>
        Path.Combine(root, build, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(student))), $"{settings}-{files}.entry");

    // Keeps the builds used last; a build's entries are never read by another build.
    private void Prune()
    {
        try
        {
            foreach (var old in new DirectoryInfo(root).EnumerateDirectories().OrderByDescending(folder => folder.LastWriteTimeUtc).Skip(BuildsKept))
                old.Delete(recursive: true);
        }
        catch (Exception failed) when (failed is IOException or UnauthorizedAccessException)
        {
            progress?.WriteLine(TerminalText.OneLine($"Regrade cache {root}: old builds could not be removed ({failed.Message})."));
        }
    }

    private static void Touch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (Exception failed) when (failed is IOException or UnauthorizedAccessException)
        {
            // only the bound's order depends on it
        }
    }

    /// <summary>DIR/key: 32 random bytes made by the first run (written whole, then renamed: a shard beside it may be making its own).</summary>
    private static byte[] Key(string root)
    {
        var path = Path.Combine(root, KeyFile);
        if (UntrustedFile.Inspect(path).Kind == FileKind.Missing)
        {
            var temporary = Path.Combine(root, $".{Guid.NewGuid():N}.key");
            File.WriteAllBytes(temporary, RandomNumberGenerator.GetBytes(KeyBytes));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }
        }
        try
        {
            var key = UntrustedFile.Read(path, KeyBytes, path);
            return key.Length == KeyBytes ? key : throw new InvalidDataException($"{path} is not a key of {KeyBytes} bytes");
        }
        catch (UntrustedFileException unreadable)
        {
            throw new InvalidDataException(unreadable.Message, unreadable);
        }
    }
}
