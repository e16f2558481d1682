using System.IO.Compression;
using System.Text.Json;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Grader.Tests.Gradescope;

/// <summary>
/// The Gradescope package in a simulated Gradescope container (this machine cannot reach Gradescope): a good, a failing and
/// a non-compiling submission of variant 2 (the cheapest) in turn, then a grader that is missing or broken; every
/// results.json must follow Gradescope's documented format and say what happened.
/// </summary>
public sealed class GradescopePackageTests(GradescopeContainer container) : IClassFixture<GradescopeContainer>
{
    [Fact]
    public void ThePackageHoldsWhatGradescopeRunsAndTheSettingsItWasBuiltWith()
    {
        Assert.SkipWhen(container.Missing is not null, container.Missing ?? "");
        using var zip = ZipFile.OpenRead(container.Package);
        var entries = zip.Entries.ToDictionary(entry => entry.FullName);

        foreach (var script in new[] { "setup.sh", "run_autograder" })
            ((entries[script].ExternalAttributes >> 16) & 0b001_001_001).Should().Be(0b001_001_001, $"{script} is executable by everyone, at the zip's root");
        entries.Keys.Should().Contain(["grader/ConvSpecs.Grader.dll", "Features/variant4.feature",
            "settings.env", "settings.json", "README.md", "selftest/Reference/BorderCroppingNet.cs"]);
        entries.Keys.Should().Contain(name => name.StartsWith("data/mnist-10k/", StringComparison.Ordinal) && !name.EndsWith('/'));
        entries.Keys.Should().NotContain(name => name.EndsWith(".pdb", StringComparison.Ordinal), "symbols are left out");

        using var settings = JsonDocument.Parse(new StreamReader(entries["settings.json"].Open()).ReadToEnd());
        var root = settings.RootElement;
        root.GetProperty("seed").GetInt64().Should().Be(Drivers.RunSettings.DefaultSeed);
        (root.GetProperty("device").GetString(), root.GetProperty("profile").GetString()).Should().Be(("cpu", "quick"));
        root.GetProperty("git_commit").GetString().Should().MatchRegex("^[0-9a-f]{40}");
        root.GetProperty("variants_in_features").EnumerateArray().Select(variant => variant.GetString()).Should().Equal("1", "2", "3", "4", "5", "6", "pooling");
        var limits = root.GetProperty("limits");
        limits.GetProperty("student_timeout_s").GetInt32().Should().BeLessThanOrEqualTo(limits.GetProperty("gradescope_timeout_s").GetInt32() - 60);
        limits.GetProperty("parallel").GetInt32().Should().Be(1);

        container.Prepared.Should().Contain("the reference solution passed 4 of 4 scenarios of variant 2", "setup.sh checks the image by grading it once");
    }

    [Fact]
    public async Task AGoodSubmissionGetsFullMarksWithTheGradersBubblewrapNestedInTheContainer()
    {
        Assert.SkipWhen(container.Missing is not null, container.Missing ?? "");
        var run = await container.GradeAsync(container.Submission("Good", Path.Combine(FixtureBatch.Submissions, "Good", "BorderCroppingNet.cs")), "host");

        using var results = Valid(run);
        var root = results.RootElement;
        root.GetProperty("score").GetDouble().Should().Be(3, run.Output);
        root.GetProperty("extra_data").GetProperty("max_score").GetDouble().Should().Be(3);
        root.GetProperty("tests").EnumerateArray().Select(test => test.GetProperty("status").GetString()).Should().AllBe("passed", run.Output);
        root.GetProperty("extra_data").GetProperty("student").GetString().Should().Be("submission", "the folder's name never comes from the metadata");
        run.ResultsJson.Should().NotContain("Mallory", "submission_metadata.json is not read");
        run.Output.Should().NotContain("Mallory").And.Contain("\"sandbox\": \"bubblewrap\"", "run_autograder says which isolation the student got");
    }

    [Fact]
    public async Task AFailingSubmissionLosesTheRuleItBreaksWhereBubblewrapCannotNest()
    {
        Assert.SkipWhen(container.Missing is not null, container.Missing ?? "");
        var mutant = Path.Combine(GradescopeContainer.Repository, "tests", "Mutants", "V2NoPaddingZero", "Model.cs");
        var run = await container.GradeAsync(container.Submission("Mutant", mutant), "private");

        using var results = Valid(run);
        var tests = results.RootElement.GetProperty("tests").EnumerateArray().ToList();
        tests.Where(test => test.GetProperty("status").GetString() == "failed").Select(test => test.GetProperty("name").GetString())
            .Should().Equal(["Variant 2: A Conv2d uses padding 0"], run.Output);
        results.RootElement.GetProperty("score").GetDouble().Should().Be(2);
        // a /proc of its own, as Docker gives: the grader's bubblewrap cannot mount one inside, so it falls back, as nobody
        run.Output.Should().Contain("the grader runs as nobody").And.Contain("\"sandbox\": \"none\"");
    }

    [Fact]
    public async Task ASubmissionThatDoesNotCompileGetsTheCompilersErrors()
    {
        Assert.SkipWhen(container.Missing is not null, container.Missing ?? "");
        var run = await container.GradeAsync(container.Submission("DoesNotCompile", Path.Combine(FixtureBatch.Submissions, "DoesNotCompile", "Model.cs")), "private");

        using var results = Valid(run);
        results.RootElement.GetProperty("score").GetDouble().Should().Be(0);
        var compiles = results.RootElement.GetProperty("tests").EnumerateArray().First();
        (compiles.GetProperty("name").GetString(), compiles.GetProperty("status").GetString()).Should().Be(("Compiles", "failed"));
        compiles.GetProperty("output").GetString().Should().Contain("Model.cs:12: error CS1002: ; expected");
    }

    /// <summary>The grader gone (an upload that lost it) or unloadable (a corrupt assembly): results.json still says so.</summary>
    [Theory]
    [InlineData("--tmpfs", "/autograder/source/grader")]
    [InlineData("--ro-bind", "/dev/null", "/autograder/source/grader/ConvSpecs.Grader.dll")]
    public async Task WhenTheGraderFailsResultsJsonStillSaysSoInPlainWords(params string[] breakTheGrader)
    {
        Assert.SkipWhen(container.Missing is not null, container.Missing ?? "");
        var run = await container.GradeAsync(container.Submission("Good", Path.Combine(FixtureBatch.Submissions, "Good", "BorderCroppingNet.cs")), "host", breakTheGrader);

        using var results = Valid(run);
        var root = results.RootElement;
        root.GetProperty("score").GetDouble().Should().Be(0);
        root.GetProperty("extra_data").GetProperty("autograder_error").GetBoolean().Should().BeTrue();
        root.GetProperty("output").GetString().Should().Contain("The autograder itself failed (exit code").And.Contain("This is not a verdict on your code");
        root.GetProperty("tests").EnumerateArray().Single().GetProperty("status").GetString().Should().Be("failed");
    }

    /// <summary>results.json exists, run_autograder ended normally, and the file follows Gradescope's format.</summary>
    private static JsonDocument Valid(GradescopeRun run)
    {
        run.Exit.Should().Be(0, run.Output);
        run.ResultsJson.Should().NotBeNull(run.Output);
        GradescopeSchema.Problems(run.ResultsJson!).Should().BeEmpty(run.ResultsJson);
        return JsonDocument.Parse(run.ResultsJson!);
    }
}
