using ConvSpecs.Grader.Results;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Grader.Tests;

public sealed class ClassSummaryTests
{
    [Fact]
    public async Task TheCsvHasOneRowPerStudentWithTheirVerdict()
    {
        var batch = await FixtureBatch.Batch;

        var lines = File.ReadAllLines(Path.Combine(FixtureBatch.BatchOutput, "summary.csv"));

        lines[0].Should().Be(ClassSummary.CsvHeader);
        lines.Skip(1).Should().HaveCount(batch.Students.Count);
        // 7 of 7 scenarios passed; variant 2's and 3's @experiment scenarios carry no points, so 5 of 5
        lines.Should().Contain(line => line.StartsWith("Good,2 3,7,7,5,5,", StringComparison.Ordinal) && line.EndsWith(",graded", StringComparison.Ordinal));
        lines.Should().Contain(line => line.StartsWith("DoesNotCompile,2,0,4,0,3,", StringComparison.Ordinal) && line.EndsWith(",does not compile", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheConsoleTableFitsOneScreen()
    {
        var batch = await FixtureBatch.Batch;

        var lines = File.ReadAllLines(Path.Combine(FixtureBatch.BatchOutput, "summary.txt"));

        lines.Should().HaveCount(batch.Students.Count + 4, "a header, a rule, a row per student, a rule and the totals");
        lines.Should().OnlyContain(line => line.Length <= 110);
        lines[^1].Should().Contain($"{batch.Students.Count} students").And.Contain($"sandbox: {batch.Sandbox.Name}");
    }

    [Fact]
    public void AFolderNameThatLooksLikeAFormulaIsQuoted()
    {
        var student = new Grading.StudentResult("=HYPERLINK(\"x\")", [], [], [], "graded", TimeSpan.Zero);

        var csv = ClassSummary.ToCsv([student]);

        csv.Split('\n')[1].Should().StartWith("\"'=HYPERLINK(\"\"x\"\")\",");
    }
}
