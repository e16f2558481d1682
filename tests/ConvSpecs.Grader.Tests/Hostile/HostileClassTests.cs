using System.Globalization;
using System.Text.RegularExpressions;
using ConvSpecs.Grader.Grading;
using ConvSpecs.Grader.Isolation;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Grader.Tests.Hostile;

/// <summary>
/// A hostile class graded in one batch (README, "Isolation: what is and is not isolated"): each attack runs in a
/// real worker and gets its own verdict, the good student's results do not change, the batch ends within its
/// bound, and nothing of it is left running or written outside the output folder.
/// The batch is graded without the compile-time API allow-list, so the attacks compile and test the sandbox itself.
/// </summary>
public sealed partial class HostileClassTests
{
    private const string Shape = "Output is (64, 16, 16)";

    [Fact]
    public async Task EveryStudentGetsAResultsFileAndTheBatchEndsWithinItsBound()
    {
        var graded = await HostileBatch.Result;

        graded.Batch.Students.Select(student => student.Student).Should().Equal(
            Directory.EnumerateDirectories(HostileBatch.Submissions).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        graded.Batch.Students.Should().OnlyContain(student => File.Exists(Path.Combine(HostileBatch.Output, "students", student.Student, "results.json")));
        graded.WallTime.Should().BeLessThan(graded.Bound);
    }

    [Fact]
    public async Task NoProcessOfTheBatchIsLeftAndNothingIsWrittenOutsideTheOutputFolder()
    {
        var graded = await HostileBatch.Result;

        HostileBatch.ProcessesNaming(HostileStudents.Marker).Should().BeEmpty();
        HostileBatch.ProcessesNaming(HostileBatch.Root).Should().BeEmpty();
        graded.SubmissionsAfter.Should().Equal(graded.SubmissionsBefore);
        File.Exists(HostileBatch.HostTmpFile).Should().BeFalse();
        Directory.EnumerateFileSystemEntries(HostileBatch.Output).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .Should().Equal("index.html", "run.json", "students", "summary.csv", "summary.txt");
    }

    [Fact]
    public async Task TheGoodStudentsResultsAreTheSameBesideTheHostileClassAsAlone()
    {
        var graded = await HostileBatch.Result;

        var inBatch = WithoutTimings(File.ReadAllText(Path.Combine(HostileBatch.Output, "students", "Good", "results.json")));
        var alone = WithoutTimings(File.ReadAllText(Path.Combine(HostileBatch.AloneOutput, "students", "Good", "results.json")));

        inBatch.Should().Be(alone).And.Contain("\"score\": 5,");
        graded.Batch.Students.Single(student => student.Student == "Good").Verdict.Should().Be(StudentResult.Graded);
    }

    [Fact]
    public async Task NoHostSocketIsReachableAndNothingCanBeWrittenOutsideScratch()
    {
        var graded = await HostileBatch.Result;
        SkipUnlessSandboxed(graded.Batch);

        var message = await AttackResult("HostSocket");

        // Writes outside its scratch folder land, at most, in its own private /tmp, which is gone with it.
        message?.Should().StartWith("attack: 0 diagnostic sockets in /tmp; the grader's socket: refused (SocketException); wrote outside scratch: ");
        graded.HostSocketConnections.Should().Be(0);
        File.Exists(HostileBatch.HostTmpFile).Should().BeFalse();
        File.Exists(Path.Combine(HostileBatch.Output, "planted.txt")).Should().BeFalse();
        File.Exists(Path.Combine(HostileBatch.Submissions, "Good", "Planted.cs")).Should().BeFalse();
    }

    [Theory]
    [InlineData("Daemon")]
    [InlineData("LingeringThread")]
    [InlineData("ImmortalExit")]
    public async Task ACorrectModelThatLeavesSomethingRunningOrFloodsItsOutputIsGradedAndEnded(string name)
    {
        var student = await HostileBatch.Student(name);

        student.Verdict.Should().Be(StudentResult.Graded);
        student.Scenarios.Should().HaveCount(4).And.OnlyContain(verdict => verdict.Passed);
    }

    [Fact]
    public async Task AFloodedOutputCostsTheGraderBoundedMemory()
    {
        var graded = await HostileBatch.Result;
        var student = await HostileBatch.Student("OutputFlood");

        // Writing 1.2 GB takes the student's own time: on a loaded machine a scenario it floods in may run out of
        // it. Nothing else may happen to it: no crash, no kill.
        student.Scenarios.Should().OnlyContain(verdict => verdict.Passed || verdict.Status == ScenarioStatus.NotRun
            || verdict.Message!.StartsWith($"timed out after {Limit.ScenarioTimeout.TotalSeconds:0} s (the limit per scenario)", StringComparison.Ordinal));

        // 600 MiB on stdout and 3 × 200 MiB on stderr, read into lines, took the grader from 206 MiB to 4.3 GiB.
        graded.GraderPeakBytes.Should().BeLessThan(2L << 30);
    }

    [Fact]
    public async Task AProcessFloodStopsAtThePidsLimit()
    {
        await HostileBatch.Result;
        SkipUnlessLimited();
        var student = await HostileBatch.Student("ProcessFlood");

        student.Scenarios.Should().NotContain(verdict => verdict.Passed);
        var started = StartedProcesses().Match(student.Scenarios[0].Message ?? "");
        if (started.Success)
            int.Parse(started.Groups[1].Value, CultureInfo.InvariantCulture).Should().BeLessThan(Limit.ProcessLimit);
        else
            student.Verdict.Should().Contain($"the limit of {Limit.ProcessLimit} processes and threads");
    }

    [Theory]
    [InlineData("ForgesConsoleStream")]
    [InlineData("ForgesProcFd")]
    [InlineData("ForgesDevStdout")]
    public async Task ProtocolLinesWrittenToStdoutAreIgnored(string name)
    {
        var student = await HostileBatch.Student(name);

        // Either the lines went to the output pipe, which is not the protocol, or (as nobody, under bubblewrap)
        // reopening the grader's pipe was refused; the wrong shape is measured either way.
        var shape = student.Scenarios.Single(verdict => verdict.Scenario.Name == Shape);
        shape.Status.Should().Be(ScenarioStatus.Failed);
        shape.Message.Should().Match(message => message.Contains("(measured (32, 32, 32))") || message.Contains("its constructor threw UnauthorizedAccessException"));
        student.Passed.Should().BeLessThan(student.Scenarios.Count);
    }

    [Fact]
    public async Task TheWorkersEnvironmentHoldsOnlyWhatItNeeds()
    {
        await HostileBatch.Result;

        var message = await AttackResult("ReadsEnvironment");

        // PWD is the shell's (the scratch folder), CONVSPECS_* the worker's own, set from its arguments.
        message?.Should().Be("attack: environment CONVSPECS_DATASET,CONVSPECS_DATA_DIR,CONVSPECS_PROFILE,DOTNET_CLI_TELEMETRY_OPTOUT," +
                             "DOTNET_EnableDiagnostics,DOTNET_ROOT,HOME,LANG,PATH,PWD,TMPDIR");
    }

    [Fact]
    public async Task WithoutASandboxTheWorkersEnvironmentIsStillItsOwn()
    {
        await HostileBatch.Result;
        var submissions = Path.Combine(HostileBatch.Root, "no-sandbox", "submissions");
        var student = Directory.CreateDirectory(Path.Combine(submissions, "ReadsEnvironment")).FullName;
        File.Copy(Path.Combine(HostileBatch.Submissions, "ReadsEnvironment", "Model.cs"), Path.Combine(student, "Model.cs"), overwrite: true);

        var batch = await BatchGrader.GradeAsync(HostileBatch.Options(submissions, Path.Combine(HostileBatch.Root, "no-sandbox", "output")) with { Isolation = "none" });

        batch.Sandbox.Name.Should().Be("none");
        var messages = AttackResults(batch.Students.Single());
        messages.Distinct().Should().HaveCountLessThanOrEqualTo(1);
        messages.FirstOrDefault()?.Should().Be("attack: environment CONVSPECS_DATASET,CONVSPECS_DATA_DIR,CONVSPECS_PROFILE,DOTNET_CLI_TELEMETRY_OPTOUT," +
                                               "DOTNET_EnableDiagnostics,DOTNET_ROOT,HOME,LANG,PATH,PWD,TMPDIR");
    }

    [Fact]
    public async Task TheScratchFolderIsLimitedInSizeAndFiles()
    {
        await HostileBatch.Result;
        SkipUnlessLimited();

        // Each scenario tries again (what earlier scenarios left, such as evidence, counts against the same limits).
        foreach (var disk in await AttackResults("DiskFill"))
        {
            disk.Should().Contain("then: No space left on device");
            int.Parse(WrittenMebibytes().Match(disk).Groups[1].Value, CultureInfo.InvariantCulture).Should().BeLessThanOrEqualTo(64);
        }
        foreach (var files in await AttackResults("ManyFiles"))
        {
            files.Should().Contain("then: No space left on device");
            int.Parse(CreatedFiles().Match(files).Groups[1].Value, CultureInfo.InvariantCulture).Should().BeLessThan(1024);
        }
    }

    [Fact]
    public async Task ACompileBombIsStoppedAtTheCompilingLimit()
    {
        var student = await HostileBatch.Student("CompileBomb");

        student.Verdict.Should().Be("does not compile");
        student.CompileErrors.Should().ContainSingle().Which.Should().MatchRegex("^CompileBomb/: (compiling took longer than 30 s|compiling was stopped: it went over the memory limit)");
    }

    /// <summary>What the attack reported from the constructor of every scenario (all the same); null when there is none.</summary>
    private static async Task<string?> AttackResult(string name)
    {
        var messages = AttackResults(await HostileBatch.Student(name));
        messages.Distinct().Should().HaveCountLessThanOrEqualTo(1);
        return messages.FirstOrDefault();
    }

    /// <summary>What the attack reported in each scenario (every one fails with it); every one.</summary>
    private static async Task<IReadOnlyList<string>> AttackResults(string name) => AttackResults(await HostileBatch.Student(name));

    private static IReadOnlyList<string> AttackResults(StudentResult student)
    {
        student.Scenarios.Should().HaveCount(4).And.OnlyContain(verdict => verdict.Status == ScenarioStatus.Failed);
        var messages = student.Scenarios.Select(verdict => Constructor().Match(verdict.Message ?? "")).ToList();
        messages.Should().OnlyContain(match => match.Success);
        return [.. messages.Select(match => match.Groups[1].Value)];
    }

    private static readonly GradingOptions Limit = HostileBatch.Options("", "");

    private static void SkipUnlessSandboxed(BatchResult batch) =>
        Assert.SkipUnless(batch.Sandbox.Name == "bubblewrap", $"no bubblewrap here (sandbox: {batch.Sandbox.Name})");

    private static void SkipUnlessLimited() =>
        Assert.SkipUnless(StudentCgroup.Complete, $"not every cgroup limit can be set here: {StudentCgroup.Mechanism}");

    private static string WithoutTimings(string json) => ExecutionTime().Replace(json, "\"execution_time\": 0");

    [GeneratedRegex("\"execution_time\": [0-9.]+")]
    private static partial Regex ExecutionTime();

    [GeneratedRegex(@"its constructor threw InvalidOperationException: (attack: [^\n]*)")]
    private static partial Regex Constructor();

    [GeneratedRegex(@"attack: started (\d+) processes")]
    private static partial Regex StartedProcesses();

    [GeneratedRegex(@"wrote (\d+) MiB")]
    private static partial Regex WrittenMebibytes();

    [GeneratedRegex(@"created (\d+) files")]
    private static partial Regex CreatedFiles();
}
