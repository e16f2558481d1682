using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using ConvSpecs.Grader.Cache;
using ConvSpecs.Grader.Grading;
using ConvSpecs.Grader.Isolation;
using ConvSpecs.Grader.Scale;
using ConvSpecs.Suite;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Grader.Tests.Scale;

/// <summary>
/// The regrade cache's parts, without grading anyone: what a student's hash covers, what an entry must be to be
/// believed, what is stored, and the options. RegradeCacheTests grades a class through it.
/// </summary>
public sealed class GradingCacheTests : IDisposable
{
    private readonly string root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "convspecs-cache-unit", Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void AStudentsHashCoversEveryFileTheGraderReadsAndNothingElse()
    {
        var student = Folder("Ivan", ("Net.cs", "class Net {}"), ("notes.txt", "v1"));
        var same = Folder("Copy", ("Net.cs", "class Net {}"), ("notes.txt", "v1"));
        var hash = StudentFiles.Hash(student).Hash;

        hash.Should().NotBeNull().And.Be(StudentFiles.Hash(same).Hash, "the same files, wherever they are, are the same submission");
        Directory.CreateDirectory(Path.Combine(student, "bin"));
        File.WriteAllText(Path.Combine(student, "bin", "Net.dll"), "a local build");
        StudentFiles.Hash(student).Hash.Should().NotBe(hash, "bin/ itself is an entry of the folder");
        var withBin = StudentFiles.Hash(student).Hash;
        File.WriteAllText(Path.Combine(student, "bin", "Net.dll"), "another local build");
        StudentFiles.Hash(student).Hash.Should().Be(withBin, "bin/ is not read by the grader");
        File.WriteAllText(Path.Combine(student, "notes.txt"), "v2");
        StudentFiles.Hash(student).Hash.Should().NotBe(withBin, "the specs may read any file of the student's folder");
    }

    [Fact]
    public void LinksAndFifosCountByNameAndAreNeverOpened()
    {
        var student = Folder("Hostile", ("Net.cs", "class Net {}"));
        File.CreateSymbolicLink(Path.Combine(student, "Zero.cs"), "/dev/zero");
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(student, "Pipe.cs")])) mkfifo.WaitForExit();

        var hash = StudentFiles.Hash(student);

        hash.Hash.Should().NotBeNull("a FIFO does not block the hash, and the link's target is not read");
        File.Delete(Path.Combine(student, "Zero.cs"));
        File.CreateSymbolicLink(Path.Combine(student, "Zero.cs"), "/etc/hostname");
        StudentFiles.Hash(student).Hash.Should().Be(hash.Hash, "the verdict says it is a link, whatever it points at");
        StudentFiles.Hash(Path.Combine(student, "Zero.cs")).Hash.Should().NotBeNull("a student's folder that is a link is hashed as a link");
    }

    [Fact]
    public void AFolderTooLargeToHashIsNotCached()
    {
        var student = Folder("Large", ("Net.cs", "class Net {}"));
        using (var big = File.Create(Path.Combine(student, "weights.bin"))) big.SetLength(StudentFiles.MaxFileBytes + 1);

        var (hash, notCached) = StudentFiles.Hash(student);

        hash.Should().BeNull();
        notCached.Should().Contain("more than the cache hashes");
    }

    [Fact]
    public void AnEntryIsBelievedOnlyWithItsSignatureItsFormatAndNoNulls()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var entry = new CacheEntry(CacheEntry.CurrentFormat, "build", "settings", "files", [new TaskFeatures("2", [new FeatureHash("variant2.feature", "00")])],
            StudentRecord.Of(new StudentResult("Ivan", [], ["Net.cs:1: error CS1002: ; expected"], [], "does not compile", TimeSpan.FromSeconds(1))));
        var path = Path.Combine(root, "ivan.entry");
        File.WriteAllBytes(path, entry.ToBytes(key));

        CacheEntry.Read(path, key).Record.CompileErrors.Should().Equal(entry.Record.CompileErrors);
        Refusal(path, RandomNumberGenerator.GetBytes(32)).Should().Contain("written with another cache's key");
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text.Replace("does not compile", "graded", StringComparison.Ordinal));
        Refusal(path, key).Should().Contain("was changed or damaged");
        File.WriteAllText(path, text[..64]);
        Refusal(path, key).Should().Contain("does not start with its signature");
        Signed(path, key, Encoding.UTF8.GetBytes(text[65..].Replace(CacheEntry.CurrentFormat, "convspecs-grading-cache/0", StringComparison.Ordinal)));
        Refusal(path, key).Should().Contain("format 'convspecs-grading-cache/0'");
        Signed(path, key, Encoding.UTF8.GetBytes(text[65..].Replace("\"features\": [", "\"features\": [null,", StringComparison.Ordinal)));
        Refusal(path, key).Should().Contain("null");
        Signed(path, key, "[1, 2"u8.ToArray());
        Refusal(path, key).Should().Contain("not a cache entry");
        File.Delete(path);
        File.CreateSymbolicLink(path, Path.Combine(root, "elsewhere.entry"));
        Refusal(path, key).Should().Contain("symbolic link");
    }

    [Fact]
    public void WhatTheMachineCausedIsNotAVerdictAboutTheStudent()
    {
        var scenario = Specification.Suite.Scenarios.First(scenario => Specification.VariantOf(scenario) == "2");
        StudentResult Interrupted(string message) => new("Ivan", ["2"], [], [new ScenarioVerdict("2.1", scenario, ScenarioStatus.Interrupted, message, [], MeasuredEvidence.None)], message, TimeSpan.Zero);

        GradingCache.NotAVerdict(new StudentResult("Ivan", [], ["Ivan/: the compiler crashed; its last output: …."], [], "does not compile", TimeSpan.Zero))
            .Should().Be("the compiler crashed");
        GradingCache.NotAVerdict(Interrupted("crashed: killed by signal 9 (SIGKILL)")).Should().Contain("SIGKILL");
        GradingCache.NotAVerdict(Interrupted("timed out after 120 s (the limit per scenario)")).Should().BeNull("the student's own timeout is a verdict");
        GradingCache.NotAVerdict(Interrupted("killed: it went over the memory limit of 384 MiB")).Should().BeNull();
        GradingCache.NotAVerdict(Interrupted("crashed: killed by signal 6 (SIGABRT: a native abort or a .NET fatal error such as a stack overflow)")).Should().BeNull();
    }

    [Fact]
    public async Task AVerdictIsStoredOnceAndACrashedCompilerIsGradedEveryTime()
    {
        var submissions = Path.GetDirectoryName(Folder("Ivan", ("Net.cs", "class Net {")))!;
        Folder("Olga", ("Net.cs", "class Net {"));
        var options = new GradingOptions { SubmissionsDirectory = submissions, OutputDirectory = Path.Combine(root, "out"), CacheDirectory = Path.Combine(root, "cache") };
        var graded = new List<string>();
        Task<StudentResult> Grade(string student, string folder)
        {
            graded.Add(student);
            var error = student == "Ivan" ? "Net.cs:1: error CS1513: } expected" : "Olga/: the compiler crashed.";
            return Task.FromResult(new StudentResult(student, [], [error], [], "does not compile", TimeSpan.FromSeconds(1)));
        }

        for (var run = 0; run < 2; run++)
        {
            var cache = GradingCache.Open(options, Sandbox.Detect("none", [submissions]), "none", null)!;
            foreach (var student in new[] { "Ivan", "Olga" }) await cache.GradeAsync(student, Path.Combine(submissions, student), Grade);
        }

        graded.Should().Equal("Ivan", "Olga", "Olga");
    }

    [Fact]
    public void TheCacheKeepsTheMostRecentlyUsedEntriesAndBuilds()
    {
        var folder = new CacheFolder(Path.Combine(root, "cache"));
        var entries = Enumerable.Range(0, CacheFolder.EntriesPerStudent + 1).Select(files => folder.EntryPath("build", "Ivan", "settings", $"{files}")).ToList();
        foreach (var (entry, age) in entries.SkipLast(1).Select((entry, index) => (entry, 10 - index)))
        {
            folder.Write(entry, [1]);
            File.SetLastWriteTimeUtc(entry, DateTime.UtcNow.AddMinutes(-age));
        }
        CacheFolder.Touch(entries[0]);
        folder.Write(entries[^1], [2]);

        Directory.EnumerateFiles(Path.GetDirectoryName(entries[0])!).Order().Should().Equal(entries.Where((_, index) => index != 1).Order(),
            "the least recently used entry goes beyond the bound; the oldest, just reused, stays");
        foreach (var (build, age) in new[] { ("a", 5), ("b", 1), ("c", 4), ("d", 2), ("e", 3) })
            Directory.SetLastWriteTimeUtc(Directory.CreateDirectory(Path.Combine(folder.Root, build)).FullName, DateTime.UtcNow.AddMinutes(-age));
        Directory.Delete(Path.Combine(folder.Root, "build"), recursive: true);
        folder.Prune();
        Directory.EnumerateDirectories(folder.Root).Select(Path.GetFileName).Order().Should().Equal("b", "d", "e");
    }

    [Fact]
    public void ACacheWhoseKeyIsNotAFileIsNotUsed()
    {
        var submissions = Path.GetDirectoryName(Folder("Ivan", ("Net.cs", "class Net {}")))!;
        var cache = Directory.CreateDirectory(Path.Combine(root, "cache")).FullName;
        File.CreateSymbolicLink(Path.Combine(cache, "key"), "/dev/zero");
        var console = new StringWriter();

        var opened = GradingCache.Open(new GradingOptions { SubmissionsDirectory = submissions, OutputDirectory = root, CacheDirectory = cache },
            Sandbox.Detect("none", [submissions]), "none", console);

        opened.Should().BeNull();
        console.ToString().Should().Contain("cannot be used").And.Contain("symbolic link").And.Contain("every student is graded");
    }

    [Fact]
    public void TheOptionsNameTheCacheOrTurnItOff()
    {
        var submissions = Directory.CreateDirectory(Path.Combine(root, "class")).FullName;

        GradingOptions.Parse([submissions, "--cache", Path.Combine(root, "cache")]).CacheDirectory.Should().Be(Path.Combine(root, "cache"));
        GradingOptions.Parse([submissions, "--no-cache", "--parallel", "1"]).Should().Match<GradingOptions>(options => options.CacheDirectory == null && options.Parallel == 1);
        new GradingOptions { SubmissionsDirectory = submissions, OutputDirectory = root }.CacheDirectory.Should().BeNull("only the command line and the environment ask for one");
        var inside = () => GradingOptions.Parse([submissions, "--cache", Path.Combine(submissions, "cache")]);
        inside.Should().Throw<ArgumentException>().WithMessage("*inside the submissions folder*");
        var inGrader = () => GradingOptions.Parse([submissions, "--cache", Path.Combine(AppContext.BaseDirectory, "cache")]);
        inGrader.Should().Throw<ArgumentException>().WithMessage("*inside the built grader*");
    }

    [Fact]
    public void AChangedFeatureIsNamed()
    {
        var now = FeatureDependencies.Of(["2", "3"]);
        now.Should().HaveCount(2).And.AllSatisfy(task => task.Features.Should().NotBeEmpty());

        FeatureDependencies.Changed(now).Should().BeNull();
        var edited = now[0] with { Features = [now[0].Features[0] with { Sha256 = "0" }] };
        FeatureDependencies.Changed([edited, now[1]]).Should().Be($"{now[0].Features[0].File} changed");
        FeatureDependencies.Changed([now[0] with { Features = [] }, now[1]]).Should().Be($"{now[0].Features[0].File} is new");
        FeatureDependencies.Changed([now[0] with { Features = [.. now[0].Features, new FeatureHash("gone.feature", "0")] }, now[1]]).Should().Be("gone.feature no longer applies");
    }

    private string Folder(string student, params (string Name, string Text)[] files)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "submissions", student)).FullName;
        foreach (var (name, text) in files) File.WriteAllText(Path.Combine(folder, name), text);
        return folder;
    }

    private static void Signed(string path, byte[] key, byte[] body) =>
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes(Convert.ToHexStringLower(HMACSHA256.HashData(key, body)) + "\n"), .. body]);

    private static string Refusal(string path, byte[] key)
    {
        var read = () => CacheEntry.Read(path, key);
        return read.Should().Throw<InvalidDataException>().Which.Message;
    }
}
