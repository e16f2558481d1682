using System.Text.Json;
using System.Text.RegularExpressions;
using ConvSpecs.Grader.Grading;
using FluentAssertions;
using Xunit;
using static ConvSpecs.Grader.Tests.HostileInput.HostileInputBatch;

namespace ConvSpecs.Grader.Tests.HostileInput;

/// <summary>
/// Attacks on what the grader reads and writes, graded in one batch beside a good student: each attacker gets its own
/// verdict naming what was refused, the good student's results.json is the same as when graded alone, nothing of the
/// attack reaches another student's results, the instructor's terminal or a browser, and nothing is written outside
/// the output folder.
/// </summary>
public sealed partial class HostileInputTests
{
    [Theory]
    [InlineData("DanglingLink", "does not compile: Helper.cs is a symbolic link; hand in the file itself")]
    [InlineData("FifoSource", "does not compile: Pipe.cs is a FIFO (named pipe), not a file; hand in regular files only")]
    [InlineData("ZeroSource", "does not compile: Zero.cs is a symbolic link; hand in the file itself")]
    [InlineData("LoopingLinks", "does not compile: a is a symbolic link; hand in the folder itself")]
    [InlineData("BorrowedFile", "does not compile: A.cs is a symbolic link; hand in the file itself")]
    [InlineData("BorrowedFolder", "does not compile: borrowed is a symbolic link; hand in the folder itself")]
    [InlineData("SecretLink", "does not compile: Secret.cs is a symbolic link; hand in the file itself")]
    [InlineData("HugeSource", "does not compile: Big.cs is 50.0 MB; a source file may be at most 500.0 kB")]
    [InlineData("Mirror", "does not compile: Mirror is a symbolic link; hand in the folder itself")]
    public async Task AFileThatIsNotARegularFileOrTooLargeIsRefusedAndNamedInTheVerdict(string name, string verdict)
    {
        var student = await Student(name);

        student.Verdict.Should().Be(verdict);
        student.Scenarios.Should().NotContain(scenario => scenario.Status != ScenarioStatus.NotRun);
        student.CompileErrors.Should().Contain(verdict["does not compile: ".Length..]);
    }

    [Fact]
    public async Task ARefusedFolderStillNamesItsVariantsAndNoneOfAnothersWorkIsGraded()
    {
        var looping = await Student("LoopingLinks");
        var borrowed = await Student("BorrowedFile");

        looping.Variants.Should().Equal("2");
        looping.CompileErrors.Should().Contain("b is a symbolic link; hand in the folder itself");
        borrowed.Variants.Should().BeEmpty("the linked file of another student is never read");
        (await Result).Batch.Students.Where(student => student.Verdict.StartsWith("does not compile", StringComparison.Ordinal))
            .Should().HaveCount(10).And.OnlyContain(student => student.Passed == 0 && student.Scenarios.All(scenario => scenario.Status == ScenarioStatus.NotRun));
    }

    [Fact]
    public async Task ASecretBehindALinkLeaksNowhere()
    {
        var graded = await Result;

        graded.Batch.Students.Should().NotContain(student => student.CompileErrors.Any(error => error.Contains(Secret, StringComparison.Ordinal)));
        Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories)
            .Where(file => new FileInfo(file).Length < 10_000_000)
            .Should().NotContain(file => File.ReadAllText(file).Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAPIOutsideTheAllowListIsACompileErrorWithFileLineAndAPI()
    {
        var student = await Student("ReadsAnotherStudent");

        student.Verdict.Should().Be("does not compile: Model.cs:18: System.IO.File.ReadAllText is not allowed: a model may not read or write files or streams");
    }

    [Fact]
    public async Task TheGoodStudentScoresTheSameByteForByteAsWhenGradedAlone()
    {
        var graded = await Result;

        var inBatch = WithoutTimings(File.ReadAllText(Path.Combine(Output, "students", "Good", "results.json")));
        var alone = WithoutTimings(File.ReadAllText(Path.Combine(AloneOutput, "students", "Good", "results.json")));

        inBatch.Should().Be(alone);
        graded.Batch.Students.Single(student => student.Student == "Good").Passed.Should().Be(7, "the submissions folder was given through a link");
    }

    [Fact]
    public async Task NothingIsWrittenOutsideTheOutputFolder()
    {
        var graded = await Result;

        graded.After.Should().Equal(graded.Before);
    }

    [Fact]
    public async Task EveryFolderIsAStudentWithARowADotFolderAndHostileNamesIncluded()
    {
        var graded = await Result;

        var names = graded.Batch.Students.Select(student => student.Student).ToList();
        names.Should().Contain([DotName, MarkupName, NewlineName, FormulaName, TabName, EscapeName, "Mirror"]);
        names.Should().HaveCount(Directory.EnumerateFileSystemEntries(Submissions).Count());
        Directory.EnumerateDirectories(Path.Combine(Output, "students")).Should().HaveCount(names.Count);
    }

    [Fact]
    public async Task TheTerminalTableHasOneLinePerStudentAndNoControlCharacters()
    {
        var graded = await Result;

        var table = File.ReadAllText(Path.Combine(Output, "summary.txt"));
        var crash = await Student("AnsiCrash");

        crash.Verdict.Should().NotBe(StudentResult.Graded);
        table.Should().NotMatchRegex(@"[\u0000-\u0008\u000B-\u001F\u007F-\u009F]");
        table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(graded.Batch.Students.Count + 4);
        table.Should().Contain("Line␤Break").And.Contain("Esc[31mRed");
    }

    [Fact]
    public async Task TheCsvHasOneLinePerStudentAndNoFormula()
    {
        var graded = await Result;

        var lines = File.ReadAllLines(Path.Combine(Output, "summary.csv"));

        lines.Should().HaveCount(graded.Batch.Students.Count + 1);
        lines.Should().Contain(line => line.StartsWith("\"'=HYPERLINK(\"\"evil.example\"\",\"\"click\"\")\",", StringComparison.Ordinal));
        lines.Should().Contain(line => line.StartsWith("'\tTab,", StringComparison.Ordinal));
        lines.Should().NotContain(line => line.Length > 0 && "=+-@\t\r".Contains(line[0], StringComparison.Ordinal));
        string.Join('\n', lines).Should().NotMatchRegex(@"[\u0000-\u0008\u000B-\u001F\u007F-\u009F]");
    }

    [Fact]
    public async Task TheHtmlReportShowsHostileTextAsTextAndEveryIdIsASafeSlug()
    {
        await Result;

        foreach (var page in Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories).Select(File.ReadAllText))
        {
            page.Should().NotContain("<img src=x").And.NotContain("<script>").And.NotContain("<b onmouseover").And.NotContain("\u001b");
            Ids().Matches(page).Select(match => match.Groups[1].Value).Should().OnlyContain(id => SafeId().IsMatch(id));
        }
        File.ReadAllText(Path.Combine(Output, "index.html")).Should().Contain("X&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
            .And.Contain("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;");
    }

    [Fact]
    public async Task StudentTextReachesGradescopeOnlyInsideFencedBlocks()
    {
        await Result;

        foreach (var file in Directory.EnumerateFiles(Path.Combine(Output, "students"), "results.json", SearchOption.AllDirectories))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var outputs = document.RootElement.GetProperty("tests").EnumerateArray().Select(test => test.GetProperty("output").GetString()!)
                .Prepend(document.RootElement.GetProperty("output").GetString()!);
            foreach (var markdown in outputs)
            {
                var outside = OutsideFences(markdown);
                outside.Should().NotContain("<").And.NotContain("javascript:").And.NotContain("](").And.NotContain("# forged").And.NotContain("\u001b");
            }
        }
        var markup = File.ReadAllText(Path.Combine(Output, "students", MarkupName, "results.json"));
        markup.Should().Contain("<script>alert('pwned')</script>", "the message is shown, as text in a fence");
    }

    /// <summary>The markdown with every fenced block taken out (a fence closes at a line of at least as many backticks).</summary>
    private static string OutsideFences(string markdown)
    {
        var outside = new List<string>();
        string? fence = null;
        foreach (var line in markdown.Split('\n'))
        {
            var ticks = FenceLine().Match(line);
            if (fence is null && ticks.Success) fence = ticks.Groups[1].Value;
            else if (fence is not null && ticks.Success && ticks.Groups[1].Value.Length >= fence.Length && ticks.Groups[2].Value.Length == 0) fence = null;
            else if (fence is null) outside.Add(line);
        }
        fence.Should().BeNull("every fence is closed");
        return string.Join('\n', outside);
    }

    private static string WithoutTimings(string json) => ExecutionTime().Replace(json, "\"execution_time\": 0");

    [GeneratedRegex("\"execution_time\": [0-9.]+")]
    private static partial Regex ExecutionTime();

    [GeneratedRegex("^(`{3,})(.*)$")]
    private static partial Regex FenceLine();

    [GeneratedRegex("(?:id|href)=\"#?([^\"]*)\"")]
    private static partial Regex Ids();

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex SafeId();
}
