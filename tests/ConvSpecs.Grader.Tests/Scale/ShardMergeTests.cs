using ConvSpecs.Grader.Grading;
using ConvSpecs.Grader.Report;
using ConvSpecs.Grader.Results;
using ConvSpecs.Grader.Scale;
using ConvSpecs.Grader.Worker;
using ConvSpecs.Reports;
using ConvSpecs.Suite;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Grader.Tests.Scale;

/// <summary>
/// Merging without grading: shard outputs written from made-up results (with statistics, tables, a plot and refusals,
/// which the fixture students do not produce), merged, and tampered with in the ways a shared volume allows.
/// </summary>
public sealed class ShardMergeTests : IDisposable
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    private readonly string root = Path.Combine(Path.GetTempPath(), "convspecs-merge-tests", Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void ARecordReadBackRendersAsTheResultItWasWrittenFrom()
    {
        var student = Student("=Ivan <b>");
        var path = Path.Combine(root, "record.json");
        Directory.CreateDirectory(root);
        File.WriteAllText(path, StudentRecord.Of(student).ToJson());

        var read = StudentRecord.Read(path, student.Student, Scenarios());

        var run = Run([student]);
        GradescopeResults.ToJson(read, Options(root), "none").Should().Be(GradescopeResults.ToJson(student, Options(root), "none"));
        HtmlReport.ForStudent(read, run, Options(root)).Should().Be(HtmlReport.ForStudent(student, run, Options(root)));
        read.Scenarios[0].Evidence.Plots.Should().ContainSingle().Which.Png.Should().Equal(Png);
    }

    [Fact]
    public void MergedShardsWriteTheSameFilesAsTheWholeClass()
    {
        var students = Names().Select(Student).ToList();
        GradingOutput.Write(Run(students), Options(Path.Combine(root, "whole")), shard: null);
        var shards = WriteShards(students, 3);

        ShardMerge.Write(ShardMerge.Merge(Merge(shards)), ShardMerge.Facts(Merge(shards)), Path.Combine(root, "merged"));

        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "whole"), "*", SearchOption.AllDirectories))
            File.ReadAllText(file).Should().Be(File.ReadAllText(file.Replace("/whole/", "/merged/", StringComparison.Ordinal)), file);
        Directory.EnumerateFiles(Path.Combine(root, "merged"), "*", SearchOption.AllDirectories).Should().HaveSameCount(
            Directory.EnumerateFiles(Path.Combine(root, "whole"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void AMissingShardIsRefusedByNumber()
    {
        var shards = WriteShards(Names().Select(Student).ToList(), 3);

        Refusal([shards[0], shards[2]]).Should().Contain("shard(s) 1/3");
        Refusal([shards[0], shards[1], shards[1], shards[2]]).Should().Contain("shard(s) 1/3");
    }

    [Fact]
    public void AWholeClassOrAShardGradedWithOtherSettingsIsRefused()
    {
        var students = Names().Select(Student).ToList();
        var shards = WriteShards(students, 2);
        GradingOutput.Write(Run(students), Options(Path.Combine(root, "whole")), shard: null);
        GradingOutput.Write(Run(students), Options(shards[1]) with { Seed = 7 }, new Shard(1, 2));

        Refusal([shards[0], Path.Combine(root, "whole")]).Should().Contain("not a shard's");
        Refusal(shards).Should().Contain("other settings");
    }

    [Fact]
    public void AStudentInTheWrongShardOrWithAPathForANameIsRefused()
    {
        var shards = WriteShards(Names().Select(Student).ToList(), 2);
        var manifest = Path.Combine(shards[0], RunManifest.FileName);
        var someone = RunManifest.Read(manifest).Students[0];

        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace($"\"{someone}\"", "\"../../etc\"", StringComparison.Ordinal));
        Refusal(shards).Should().Contain("'../../etc' is not a folder name");

        var other = RunManifest.Read(Path.Combine(shards[1], RunManifest.FileName)).Students[0];
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"../../etc\"", $"\"{other}\"", StringComparison.Ordinal));
        Refusal(shards).Should().Contain($"'{other}' belongs to shard 1/2");
    }

    [Fact]
    public void ARecordThatIsALinkNamesAnUnknownScenarioOrHoldsANullIsRefused()
    {
        var shards = WriteShards(Names().Select(Student).ToList(), 2);
        var someone = RunManifest.Read(Path.Combine(shards[0], RunManifest.FileName)).Students[0];
        var record = Path.Combine(shards[0], "students", someone, StudentRecord.FileName);
        var text = File.ReadAllText(record);

        File.Move(record, record + ".real");
        File.CreateSymbolicLink(record, record + ".real");
        Refusal(shards).Should().Contain("symbolic link");

        File.Delete(record);
        File.WriteAllText(record, text.Replace(Scenarios().Keys.First(key => text.Contains(key, StringComparison.Ordinal)), "Features/Forged.feature:1", StringComparison.Ordinal));
        Refusal(shards).Should().Contain("Features/Forged.feature:1");

        var refusals = text.IndexOf("\"refusals\": [", StringComparison.Ordinal) + "\"refusals\": [".Length;
        File.WriteAllText(record, text.Insert(refusals, " null,"));
        Refusal(shards).Should().Contain("a null in a list");

        File.WriteAllText(record, text.Replace("\"verdict\": \"graded\"", "\"verdict\": null", StringComparison.Ordinal));
        Refusal(shards).Should().Contain("not a student's record");
    }

    private string Refusal(IReadOnlyList<string> shards)
    {
        var merge = () => ShardMerge.Merge(Merge(shards));
        return merge.Should().Throw<InvalidDataException>().Which.Message;
    }

    private MergeOptions Merge(IReadOnlyList<string> shards) => new(shards, Path.Combine(root, "merged"), null);

    private List<string> WriteShards(IReadOnlyList<StudentResult> students, int count)
    {
        var folders = new List<string>();
        for (var index = 0; index < count; index++)
        {
            var shard = new Shard(index, count);
            var folder = Path.Combine(root, $"shard-{index}");
            GradingOutput.Write(Run([.. students.Where(student => shard.Contains(student.Student))]), Options(folder), shard);
            folders.Add(folder);
        }
        return folders;
    }

    // enough names that each of 2 or 3 shards gets some
    private static IEnumerable<string> Names() => Enumerable.Range(0, 12).Select(index => $"student-{index:00}");

    private static GradedRun Run(IReadOnlyList<StudentResult> students) =>
        new(students, TimeSpan.FromSeconds(12.5), "none", ["its own process"], ["the network"], "sampled");

    private static GradingOptions Options(string output)
    {
        Directory.CreateDirectory(output);
        return new GradingOptions { SubmissionsDirectory = "", OutputDirectory = output, Device = "cpu" };
    }

    private static Dictionary<string, Bridge.Scenario> Scenarios() => Specification.Suite.Scenarios.ToDictionary(scenario => scenario.Id);

    private static StudentResult Student(string name)
    {
        var scenarios = Specification.Suite.Scenarios.Where(scenario => Specification.VariantOf(scenario) == "2").Take(2).ToList();
        var evidence = new MeasuredEvidence([new Statistic("variance", "0.25", "")], [("per layer", "| layer | shape |\n|---|---|\n| conv1 | (1, 8) |")],
            [("loss", Png)], ["plot.png is a symbolic link, not a regular file"]);
        return new StudentResult(name, ["2"], [],
            [
                new ScenarioVerdict("2.1", scenarios[0], ScenarioStatus.Passed, null, [new StepLine("Given a model", "Passed")], evidence),
                new ScenarioVerdict("2.2", scenarios[1], ScenarioStatus.Failed, "expected <64> but got 32", [new StepLine("Then it fails", "Failed")], MeasuredEvidence.None),
            ], "graded", TimeSpan.FromSeconds(3.25));
    }
}
