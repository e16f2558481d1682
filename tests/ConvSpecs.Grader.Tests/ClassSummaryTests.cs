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

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTab", "'\tTab")]
    [InlineData("\r=1+2", "'=1+2")]
    [InlineData("Line\nBreak", "Line␤Break")]
    [InlineData("Esc\u001b[31mRed\u009b", "Esc[31mRed")]
    [InlineData("a,b", "\"a,b\"")]
    public void ACsvFieldIsNeutralisedAndKeptOnOneLine(string text, string expected)
    {
        ClassSummary.Field(text).Should().Be(expected);
    }

    [Fact]
    public void TheTerminalTableKeepsEachStudentOnOneLineWithoutControlCharacters()
    {
        var students = new[]
        {
            new Grading.StudentResult("Line\nBreak", [], [], [], "crashed: \u001b]0;x\u0007\u001b[2Jout\r\nline2", TimeSpan.Zero),
            new Grading.StudentResult("Bidi\u202Eevil", [], [], [], "graded", TimeSpan.Zero),
        };

        var lines = ClassSummary.ToTable(students, TimeSpan.Zero, "none").TrimEnd('\n').Split('\n');

        lines.Should().HaveCount(students.Length + 4);
        lines[2].Should().StartWith("Line␤Break").And.EndWith("crashed: ]0;x[2Jout␤line2");
        lines[3].Should().StartWith("Bidievil");
        string.Join('\n', lines).Should().NotMatchRegex(@"[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E]");
    }
}
