using System.Diagnostics;
using System.Text.RegularExpressions;
using ConvSpecs.Grader.Isolation;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Grader.Tests;

/// <summary>A student cannot change another's verdict, and grading alone or in a batch gives the same result.</summary>
public sealed partial class IsolationTests
{
    [Fact]
    public async Task TheGoodStudentGetsTheSameResultsInTheBatchAsAlone()
    {
        await FixtureBatch.Batch;
        await FixtureBatch.GoodAlone;

        var inBatch = WithoutTimings(File.ReadAllText(Path.Combine(FixtureBatch.BatchOutput, "students", "Good", "results.json")));
        var alone = WithoutTimings(File.ReadAllText(Path.Combine(FixtureBatch.AloneOutput, "students", "Good", "results.json")));

        inBatch.Should().Be(alone);
        inBatch.Should().Contain("\"score\": 5,");   // 7 scenarios passed; the two @experiment ones carry no points
    }

    [Fact]
    public async Task AStudentWhoWritesIntoAnothersResultsFailsAndChangesNothing()
    {
        var batch = await FixtureBatch.Batch;
        Assert.SkipUnless(batch.Sandbox.Name == "bubblewrap", $"no bubblewrap here (sandbox: {batch.Sandbox.Name}); the file system is not isolated");

        var intruder = await FixtureBatch.Student("Intruder");

        intruder.Scenarios.Should().OnlyContain(verdict => !verdict.Passed);
        intruder.Scenarios[0].Message.Should().Contain("could not be built: its constructor threw");
        Directory.EnumerateFiles(FixtureBatch.BatchOutput, "intruder.txt", SearchOption.AllDirectories).Should().BeEmpty();
        File.ReadAllText(Path.Combine(FixtureBatch.BatchOutput, "students", "Good", "results.json")).Should().Contain("\"score\": 5,");
    }

    [Fact]
    public void InsideBubblewrapOnlyTheScratchFolderIsThereToWriteAndTheUserIsNobody()
    {
        var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"convspecs-sandbox-{Guid.NewGuid():N}")).FullName;
        var sandbox = Sandbox.Detect("auto", [root]);
        Assert.SkipUnless(sandbox.Name == "bubblewrap", $"no bubblewrap here (sandbox: {sandbox.Name})");
        var secret = Directory.CreateDirectory(Path.Combine(root, "submissions", "Other")).FullName;
        File.WriteAllText(Path.Combine(secret, "Model.cs"), "// another student's work");
        File.WriteAllText(root + ".host", "a file in the host's /tmp");
        using var scratch = ScratchVolume.Create(Path.Combine(root, "output", "scratch", "Me"), 16, 100, sandbox.OutsideUid);
        var script = $"ls -A '{secret}' 2>&1; echo; touch '{root}/output/x' 2>&1; touch '{scratch.Path}/mine' && echo wrote-scratch; " +
                     $"test -e '{root}.host' && echo host-tmp-visible || echo host-tmp-hidden; echo \"uid: $(id -u)\"; " +
                     "echo \"interfaces: $(tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | tr '\\n' ' ')\"";

        var output = Run(sandbox.Wrap(Shell(script), new SandboxView(scratch.Path, [], [])));

        output.Should().Contain($"ls: cannot access '{secret}': No such file or directory")
            .And.Contain("wrote-scratch")
            .And.Contain("host-tmp-hidden")
            .And.Contain($"uid: {Sandbox.Nobody}")
            .And.Contain("interfaces: lo \n");
        File.Exists(Path.Combine(scratch.Path, "mine")).Should().BeTrue();
        File.Exists(Path.Combine(root, "output", "x")).Should().BeFalse("outside its scratch folder it writes at most into its own private /tmp");
        File.Delete(root + ".host");
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task DataTheStudentsUserCannotReachKeepsTheGradersUserRatherThanBreakingEveryScenario()
    {
        // the data folder in a folder only root may enter (a clone made with mktemp -d), the submissions readable by all
        var sealedRoot = Directory.CreateTempSubdirectory("convspecs-sealed-").FullName;
        var open = Directory.CreateTempSubdirectory("convspecs-open-").FullName;
        try
        {
            Assert.SkipUnless(Environment.UserName == "root", "only root hands a student's processes to nobody");
            var data = Directory.CreateDirectory(Path.Combine(sealedRoot, "data")).FullName;
            File.SetUnixFileMode(open, (UnixFileMode)0b111_101_101);
            var submissions = Directory.CreateDirectory(Path.Combine(open, "submissions", "Good")).FullName;
            foreach (var file in Directory.EnumerateFiles(Path.Combine(FixtureBatch.Submissions, "Good")))
                File.Copy(file, Path.Combine(submissions, Path.GetFileName(file)));
            var options = FixtureBatch.Options(Path.GetDirectoryName(submissions)!, Path.Combine(open, "output")) with
            {
                Variant = "2",
                Training = Drivers.Training.TrainingSettings.FromEnvironment() with { DataFolder = data },
            };

            var batch = await Grading.BatchGrader.GradeAsync(options);

            batch.Students.Single().Scenarios.Should().NotBeEmpty()
                .And.OnlyContain(verdict => verdict.Status != Grading.ScenarioStatus.Interrupted, "bubblewrap must not be asked to bind what its user cannot reach");
        }
        finally
        {
            Directory.Delete(sealedRoot, recursive: true);
            Directory.Delete(open, recursive: true);
        }
    }

    private static ProcessStartInfo Shell(string script)
    {
        var info = new ProcessStartInfo("/bin/sh");
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        return info;
    }

    private static string Run(ProcessStartInfo info)
    {
        info.RedirectStandardOutput = true;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    private static string WithoutTimings(string json) => ExecutionTime().Replace(json, "\"execution_time\": 0");

    [GeneratedRegex("\"execution_time\": [0-9.]+")]
    private static partial Regex ExecutionTime();
}
