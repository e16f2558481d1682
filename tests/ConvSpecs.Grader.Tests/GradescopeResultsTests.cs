using System.Text.Json;
using ConvSpecs.Grader.Grading;
using ConvSpecs.Grader.Results;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Grader.Tests;

/// <summary>Every results.json holds only what Gradescope's autograder specification defines, with its types and values.</summary>
public sealed class GradescopeResultsTests
{
    private static readonly string[] TopLevelKeys =
        ["score", "execution_time", "output", "output_format", "test_output_format", "test_name_format", "visibility", "stdout_visibility", "extra_data", "tests", "leaderboard"];

    private static readonly string[] TestKeys =
        ["score", "max_score", "status", "name", "name_format", "number", "output", "output_format", "tags", "visibility", "extra_data"];

    private static readonly string[] Visibilities = ["hidden", "after_due_date", "after_published", "visible"];

    private static readonly string[] Formats = ["text", "html", "simple_format", "md", "ansi"];

    [Fact]
    public async Task EveryResultsFileFollowsTheGradescopeFormat()
    {
        await FixtureBatch.Batch;

        var files = Directory.EnumerateFiles(Path.Combine(FixtureBatch.BatchOutput, "students"), "results.json", SearchOption.AllDirectories).ToList();

        files.Should().HaveCount(Directory.EnumerateDirectories(FixtureBatch.Submissions).Count());
        foreach (var file in files)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var root = document.RootElement;
            Names(root).Should().BeSubsetOf(TopLevelKeys, file);
            root.GetProperty("score").ValueKind.Should().Be(JsonValueKind.Number);
            root.GetProperty("execution_time").ValueKind.Should().Be(JsonValueKind.Number);
            Formats.Should().Contain(root.GetProperty("output_format").GetString());
            Visibilities.Should().Contain(root.GetProperty("visibility").GetString());
            foreach (var test in root.GetProperty("tests").EnumerateArray())
            {
                Names(test).Should().BeSubsetOf(TestKeys, file);
                test.GetProperty("score").GetDouble().Should().BeInRange(0, test.GetProperty("max_score").GetDouble());
                test.GetProperty("status").GetString().Should().BeOneOf("passed", "failed");
                test.GetProperty("name").GetString().Should().NotBeNullOrEmpty();
                Visibilities.Should().Contain(test.GetProperty("visibility").GetString());
                test.GetProperty("tags").EnumerateArray().All(tag => tag.ValueKind == JsonValueKind.String).Should().BeTrue();
            }
        }
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

    private static IEnumerable<string> Names(JsonElement element) => element.EnumerateObject().Select(property => property.Name);

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
