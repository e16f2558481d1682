using System.Globalization;
using ConvSpecs.Drivers;
using ConvSpecs.Grader.Grading;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Grader.Tests;

/// <summary>
/// Under the default limits, a correct solution of the two tasks that train passes: seed 000's variant 4 nets and seed
/// 003's pooling nets, copied unchanged from examples/ as one student. (At 384 MiB variant 4 was killed.)
/// </summary>
public sealed class TrainingSubmissionTests
{
    [Fact]
    public async Task TheSeedsTrainingSolutionsPassEveryScenarioUnderTheDefaultLimits()
    {
        var root = Path.Combine(Path.GetTempPath(), "convspecs-grader-tests", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), "training");
        var student = Path.Combine(root, "submissions", "SeedsTrained");
        Directory.CreateDirectory(student);
        var examples = Path.Combine(RunSettings.RepositoryRoot()!, "examples");
        File.Copy(Path.Combine(examples, "Seed000", "ConvNets.cs"), Path.Combine(student, "ConvNets.cs"), overwrite: true);
        File.Copy(Path.Combine(examples, "Seed003", "SimplePoolNet.cs"), Path.Combine(student, "SimplePoolNet.cs"), overwrite: true);

        var batch = await BatchGrader.GradeAsync(new GradingOptions { SubmissionsDirectory = Path.GetDirectoryName(student)!, OutputDirectory = Path.Combine(root, "out") });

        var result = batch.Students.Single();
        result.Verdict.Should().Be(StudentResult.Graded);
        result.Variants.Should().Equal("4", "pooling");
        result.Scenarios.Should().HaveCount(14).And.OnlyContain(verdict => verdict.Passed);
    }
}
