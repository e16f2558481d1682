using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ConvSpecs.Drivers;
using ConvSpecs.Grader.Cache;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Grader.Tests.Scale;

/// <summary>
/// A small class graded by the grader's command line with a regrade cache, then again unchanged, with --no-cache, after
/// one student's file and one feature file changed, with tampered entries, and as shards sharing the cache. The grader
/// is a copy of the tests' build whose Features/ can be edited: its files hard-linked (the same bytes, so the same build
/// hash), Features/ copied.
/// </summary>
public sealed class RegradeCacheTests
{
    // Good attempts variants 2 and 3, WrongShape 2, DoesNotCompile names 2, Charted 5 (whose gradient chart is a plot), NoVariant none.
    private static readonly string[] Students = ["Charted", "DoesNotCompile", "Good", "NoVariant", "WrongShape"];

    // generous: this machine may be running the rest of the suite beside it
    private static readonly string[] Limits = ["--parallel", "2", "--scenario-timeout", "120", "--student-timeout", "600", "--memory", "384"];

    [Fact]
    public async Task RegradesExactlyTheStudentsWhoseFilesOrFeaturesChanged()
    {
        var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "convspecs-cache-tests", Guid.NewGuid().ToString("N"))).FullName;
        var grader = Path.Combine(GraderCopy(Path.Combine(root, "grader")), "ConvSpecs.Grader");
        var submissions = Class(Path.Combine(root, "submissions"));
        var cache = Path.Combine(root, "cache");
        async Task<string> Grade(string output, params string[] options)
        {
            var (exit, log) = await GradingOutputs.Run(["grade", submissions, "--out", Path.Combine(root, output), .. Limits, .. options], grader);
            exit.Should().Be(0, log);
            return log;
        }

        // first: every student graded and stored
        var clock = Stopwatch.StartNew();
        await Grade("first", "--cache", cache);
        var firstRun = clock.Elapsed;
        Report(root, "first").Graded.Should().BeEquivalentTo(Students.Select(student => (student, "not in the cache")));

        // unchanged: every result reused, so no student is graded and no worker started; the outputs are a fresh run's
        clock.Restart();
        var log = await Grade("unchanged", "--cache", cache);
        var unchangedRun = clock.Elapsed;
        Report(root, "unchanged").Reused.Should().Equal(Students);
        log.Should().Contain("5 reused, 0 graded");
        GradingOutputs.ShouldMatch(Path.Combine(root, "unchanged"), Path.Combine(root, "first"));
        File.ReadAllText(Path.Combine(root, "unchanged", "students", "Charted", "report.html")).Should().Contain("data:image/png;base64,", "the cached gradient chart is in the report");
        TestContext.Current.TestOutputHelper!.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first run {firstRun.TotalSeconds:0.0} s, unchanged {unchangedRun.TotalSeconds:0.0} s: {unchangedRun / firstRun:P0} of the first (target < 10 %)"));

        // --no-cache: every student graded afresh (its own measured time), the cache neither read nor written
        var before = Snapshot(cache);
        await Grade("no-cache", "--no-cache");
        File.Exists(Path.Combine(root, "no-cache", GradingCache.ReportFile)).Should().BeFalse();
        foreach (var student in Students)
            Duration(root, "no-cache", student).Should().NotBe(Duration(root, "unchanged", student), $"{student} was graded again, not reused");
        Snapshot(cache).Should().Equal(before);
        GradingOutputs.ShouldMatch(Path.Combine(root, "no-cache"), Path.Combine(root, "first"));

        // one student's file and variant 5's feature (every scenario now worth 2 points) changed: exactly their students regrade
        File.AppendAllText(Path.Combine(submissions, "WrongShape", "Model.cs"), "// edited after the first grading\n");
        var feature = Path.Combine(Path.GetDirectoryName(grader)!, "Features", "variant5.feature");
        File.WriteAllText(feature, File.ReadAllText(feature).Replace("@variant5\n", "@variant5 @points:2\n", StringComparison.Ordinal));
        await Grade("changed", "--cache", cache);
        Report(root, "changed").Graded.Should().BeEquivalentTo([("Charted", "variant5.feature changed"), ("WrongShape", "its files changed")]);
        Report(root, "changed").Reused.Should().Equal("DoesNotCompile", "Good", "NoVariant");
        MaxScore(root, "changed", "Charted").Should().Be(2 * MaxScore(root, "first", "Charted"));

        // a tampered entry (a failed scenario made to pass) and a damaged one: refused with a note, graded again, no score forged
        var forged = Entry(cache, "WrongShape");
        var entry = File.ReadAllText(forged);
        entry.Should().Contain("\"status\": \"Failed\"");
        File.WriteAllText(forged, entry.Replace("\"status\": \"Failed\"", "\"status\": \"Passed\"", StringComparison.Ordinal));
        var damaged = Entry(cache, "Good");
        File.WriteAllBytes(damaged, File.ReadAllBytes(damaged)[..1000]);
        log = await Grade("tampered", "--cache", cache);
        var tampered = Report(root, "tampered");
        tampered.Graded.Should().BeEquivalentTo([("Good", "its cached result was refused"), ("WrongShape", "its cached result was refused")]);
        tampered.Notes.Should().AllSatisfy(note => note.Should().Contain("was refused").And.Contain("graded again"));
        log.Should().Contain("its signature does not match its content");
        GradingOutputs.ShouldMatch(Path.Combine(root, "tampered"), Path.Combine(root, "changed"));

        // three shards side by side, sharing the cache: every student reused, and merged they are the whole class
        var shards = Enumerable.Range(0, 3).Select(index => Grade($"shard-{index}", "--cache", cache, "--shard", $"{index}/3"));
        foreach (var shardLog in await Task.WhenAll(shards)) shardLog.Should().Contain("reused, 0 graded");
        var (mergeExit, mergeLog) = await GradingOutputs.Run(["merge", .. Enumerable.Range(0, 3).Select(index => Path.Combine(root, $"shard-{index}")), "--out", Path.Combine(root, "merged")], grader);
        mergeExit.Should().Be(0, mergeLog);
        GradingOutputs.ShouldMatch(Path.Combine(root, "merged"), Path.Combine(root, "tampered"));
        Directory.Delete(root, recursive: true);
    }

    /// <summary>
    /// The tests' build in <paramref name="folder"/>: every file hard-linked but Features/, which is copied so it can be
    /// edited; copied whole (half a gigabyte) where the temporary folder is on another file system than the build.
    /// </summary>
    private static string GraderCopy(string folder)
    {
        if (!Copied("-al", folder))
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            Copied("-a", folder).Should().BeTrue("cp -a copies the build");
        }
        var features = Path.Combine(folder, "Features");
        Directory.Delete(features, recursive: true);
        GradingOutputs.CopyFolder(Path.Combine(AppContext.BaseDirectory, "Features"), features);
        return folder;
    }

    private static bool Copied(string how, string folder)
    {
        using var copy = Process.Start(new ProcessStartInfo("cp", [how, Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory), folder]) { RedirectStandardError = true })!;
        copy.StandardError.ReadToEnd();
        copy.WaitForExit();
        return copy.ExitCode == 0;
    }

    /// <summary>Four fixture students and Charted, the reference variant 5 model in a student's namespace.</summary>
    private static string Class(string submissions)
    {
        foreach (var student in Students.Where(student => student != "Charted"))
            GradingOutputs.CopyFolder(Path.Combine(FixtureBatch.Submissions, student), Path.Combine(submissions, student));
        var reference = Path.Combine(RunSettings.RepositoryRoot()!, "Models", "Reference", "AlternatingDepthNet.cs");
        Directory.CreateDirectory(Path.Combine(submissions, "Charted"));
        File.WriteAllText(Path.Combine(submissions, "Charted", "AlternatingDepthNet.cs"),
            "using ConvSpecs.Models;\n" + File.ReadAllText(reference).Replace("namespace ConvSpecs.Models.Reference;", "namespace Students.Charted;", StringComparison.Ordinal));
        return submissions;
    }

    private static (List<string> Reused, List<(string Student, string Reason)> Graded, List<string> Notes) Report(string root, string output)
    {
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, output, GradingCache.ReportFile)));
        var graded = report.RootElement.GetProperty("graded").EnumerateArray().ToList();
        return ([.. report.RootElement.GetProperty("reused").EnumerateArray().Select(student => student.GetString()!)],
            [.. graded.Select(student => (student.GetProperty("student").GetString()!, student.GetProperty("reason").GetString()!))],
            [.. graded.Select(student => student.GetProperty("note").GetString() ?? "")]);
    }

    // to the tick, as the student's record keeps it (results.json rounds it to a tenth of a second)
    private static string Duration(string root, string output, string student) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(root, output, "students", student, "record.json"))).RootElement.GetProperty("duration").GetString()!;

    private static double MaxScore(string root, string output, string student) => Results(root, output, student).GetProperty("extra_data").GetProperty("max_score").GetDouble();

    private static JsonElement Results(string root, string output, string student) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(root, output, "students", student, "results.json"))).RootElement.Clone();

    /// <summary>The student's newest entry: the cache keeps a folder per build and student (the SHA-256 of the name).</summary>
    private static string Entry(string cache, string student)
    {
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(student)));
        return Directory.EnumerateDirectories(cache).Select(build => Path.Combine(build, name)).Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.entry")).OrderByDescending(File.GetLastWriteTimeUtc).First();
    }

    private static List<string> Snapshot(string cache) =>
        [.. Directory.EnumerateFileSystemEntries(cache, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(path => $"{path} {File.GetLastWriteTimeUtc(path):O} {(File.Exists(path) ? new FileInfo(path).Length : 0)}")];
}
