using ConvSpecs.Grader.Scale;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Grader.Tests.Scale;

/// <summary>
/// Four fixture students (one passing everything, one failing a scenario, one that does not compile, one without a model)
/// graded by the grader's own command line: once whole, once as 3 shards in 3 processes side by side, then merged.
/// The merged output must be the whole run's, byte for byte, once the timings are masked.
/// </summary>
public sealed class ShardedClassTests
{
    private static readonly string[] Students = ["DoesNotCompile", "Good", "NoVariant", "WrongShape"];

    // generous: the four need a few seconds each alone, and this machine may be running the rest of the suite beside them
    private static readonly string[] Limits = ["--parallel", "1", "--scenario-timeout", "120", "--student-timeout", "600", "--memory", "384", "--no-cache"];

    [Fact]
    public async Task ThreeShardsMergedAreTheWholeClassApartFromTimings()
    {
        var root = Path.Combine(Path.GetTempPath(), "convspecs-shard-tests", Guid.NewGuid().ToString("N"));
        var submissions = Path.Combine(root, "submissions");
        foreach (var student in Students) GradingOutputs.CopyFolder(Path.Combine(FixtureBatch.Submissions, student), Path.Combine(submissions, student));
        // otherwise a shard could be empty and the merge would test less than it claims
        Students.Select(student => Shard.Of(student, 3)).Distinct().Should().HaveCount(3, "each of the 3 shards gets at least one of these students");

        var whole = Path.Combine(root, "whole");
        var shards = Enumerable.Range(0, 3).Select(index => Path.Combine(root, $"shard-{index}")).ToList();
        var merged = Path.Combine(root, "merged");
        var runs = shards.Select((output, index) => GradingOutputs.Run(["grade", submissions, "--out", output, "--shard", $"{index}/3", .. Limits])).Prepend(GradingOutputs.Run(["grade", submissions, "--out", whole, .. Limits]));
        foreach (var (exit, output) in await Task.WhenAll(runs)) exit.Should().Be(0, output);
        var roster = Path.Combine(root, "roster.csv");
        File.WriteAllText(roster, "folder,name,id,sis_user_id,sis_login_id,section\nGood,Good Student,1,S1,good,A\nWrongShape,Wrong Shape,2,S2,wrong,A\n" +
            "DoesNotCompile,Does Not Compile,3,S3,dnc,B\nAbsent,Absent Student,4,S4,absent,B\n");
        var (mergeExit, mergeOutput) = await GradingOutputs.Run(["merge", .. shards, "--out", merged, "--roster", roster, "--canvas-csv", Path.Combine(root, "grades.csv")]);
        mergeExit.Should().Be(0, mergeOutput);

        // 5 of 5 points for Good, 2 of 3 for WrongShape (as summary.csv says); NoVariant has no roster row, Absent no submission
        File.ReadAllLines(Path.Combine(root, "grades.csv")).Should().Equal("Student,ID,SIS User ID,SIS Login ID,Section,ConvSpecs",
            "Good Student,1,S1,good,A,5", "Wrong Shape,2,S2,wrong,A,2", "Does Not Compile,3,S3,dnc,B,0", "Absent Student,4,S4,absent,B,");
        mergeOutput.Should().Contain("NoVariant: 0 / 0 points").And.Contain("Absent (Absent Student, roster line 5)");

        foreach (var (shard, index) in shards.Select((shard, index) => (shard, index)))
            RunManifest.Read(Path.Combine(shard, RunManifest.FileName)).Students.Should().Equal(Students.Where(student => Shard.Of(student, 3) == index));
        GradingOutputs.Files(whole).Should().Contain(["students/Good/results.json", "students/Good/report.html"]);
        GradingOutputs.ShouldMatch(merged, whole);
        Directory.Delete(root, recursive: true);
    }
}
