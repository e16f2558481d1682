using System.Text.Json;
using ConvSpecs.Grader.Grading;
using ConvSpecs.Grader.Results;
using ConvSpecs.Grader.Tests.Gradescope;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Grader.Tests;

/// <summary>Every results.json holds only what Gradescope's autograder specification defines, with its types and values.</summary>
public sealed class GradescopeResultsTests
{
    [Fact]
    public async Task EveryResultsFileFollowsTheGradescopeFormat()
    {
        await FixtureBatch.Batch;

        var files = Directory.EnumerateFiles(Path.Combine(FixtureBatch.BatchOutput, "students"), "results.json", SearchOption.AllDirectories).ToList();

        files.Should().HaveCount(Directory.EnumerateDirectories(FixtureBatch.Submissions).Count());
        foreach (var file in files)
            GradescopeSchema.Problems(File.ReadAllText(file)).Should().BeEmpty(file);
    }

    [Fact]
    public async Task AnExperimentIsListedWithItsStatusAndNoPoints()
    {
        await FixtureBatch.Batch;
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(FixtureBatch.BatchOutput, "students", "WrongShape", "results.json")));

        var experiment = document.RootElement.GetProperty("tests").EnumerateArray()
            .Single(test => test.GetProperty("name").GetString() == "Variant 2: Padding 0 and padding 1 on the same input");

        (experiment.GetProperty("score").GetDouble(), experiment.GetProperty("max_score").GetDouble()).Should().Be((0.0, 0.0));
        experiment.GetProperty("status").GetString().Should().BeOneOf("passed", "failed");
        experiment.GetProperty("output").GetString().Should().Contain(" · informational, experiment: no points");
        experiment.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()).Should().Contain("experiment");
    }

    [Fact]
    public async Task TheScoreIsTheSumOfThePassedTestsPoints()
    {
        await FixtureBatch.Batch;
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(FixtureBatch.BatchOutput, "students", "WrongShape", "results.json")));

        var tests = document.RootElement.GetProperty("tests").EnumerateArray().ToList();

        document.RootElement.GetProperty("score").GetDouble().Should().Be(tests.Sum(test => test.GetProperty("score").GetDouble()));
        tests.Single(test => test.GetProperty("name").GetString() == "Variant 2: Output is (64, 16, 16)").GetProperty("output").GetString()
            .Should().StartWith("**failed** · 0 / 1 · Rule: The output is (64, 16, 16)").And.Contain("(measured (64, 8, 8))");
    }

    [Fact]
    public void AFenceIsLongerThanAnyRunOfBackticksInTheText()
    {
        var fenced = MarkdownText.Fenced("a\n````\n<b>bold</b>\u001b[31m");

        fenced.Should().Be("`````text\na\n````\n<b>bold</b>[31m\n`````");
    }

    [Fact]
    public void TheStudentsNameAndVerdictAreFencedInTheSummary()
    {
        var student = new StudentResult("<img src=x onerror=alert(1)>", [], [], [], "crashed: [x](javascript:alert(1))", TimeSpan.Zero);
        var options = new GradingOptions { SubmissionsDirectory = "/s", OutputDirectory = "/o" };

        using var document = JsonDocument.Parse(GradescopeResults.ToJson(student, options, "none"));
        var summary = document.RootElement.GetProperty("output").GetString()!;

        summary.Should().StartWith("Variants found: none. 0 of 0 scenarios passed, 0 / 0 points.\n\n```text\nstudent: <img src=x onerror=alert(1)>\nverdict: crashed: [x](javascript:alert(1))\n```");
    }
}
