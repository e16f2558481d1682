using System.Diagnostics;
using System.Runtime.InteropServices;
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

/// <summary>The process's umask is shared by every test running at the time: these run alone.</summary>
[CollectionDefinition(nameof(ProcessUmask), DisableParallelization = true)]
public sealed class ProcessUmask
{
    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint Umask(uint mask);

    /// <summary>Runs <paramref name="action"/> with the umask a hardened server sets (077), then restores the old one.</summary>
    public static async Task<T> HardenedAsync<T>(Func<Task<T>> action)
    {
        var old = Umask(0b000_111_111);
        try
        {
            return await action();
        }
        finally
        {
            Umask(old);
        }
    }
}

/// <summary>Under umask 077 (a hardened server, or a container that sets it) the folders the grader makes stay usable by the sandbox.</summary>
[Collection(nameof(ProcessUmask))]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class HardenedUmaskTests
{
    private const UnixFileMode Open = (UnixFileMode)0b111_101_101;

    [Fact]
    public async Task UnderUmask077TheGoodStudentIsGradedAsNobodyAndPasses()
    {
        var open = Directory.CreateTempSubdirectory("convspecs-umask-").FullName;
        try
        {
            var submissions = OpenCopyOfGood(open);
            var nobodyCanRead = Sandbox.Detect("auto", [submissions]).OutsideUid == Sandbox.Nobody;

            var batch = await ProcessUmask.HardenedAsync(() => Grading.BatchGrader.GradeAsync(Options(submissions, Path.Combine(open, "output"))));

            ShouldPass(batch);
            if (nobodyCanRead) batch.Sandbox.OutsideUid.Should().Be(Sandbox.Nobody, "the grader sets the modes of the folders it makes, so nobody can reach its scratch folder");
        }
        finally
        {
            Directory.Delete(open, recursive: true);
        }
    }

    [Fact]
    public async Task AnOutputFolderNobodyCannotEnterKeepsTheGradersUserRatherThanBreakingEveryStudent()
    {
        var open = Directory.CreateTempSubdirectory("convspecs-umask-").FullName;
        var sealedRoot = Directory.CreateTempSubdirectory("convspecs-sealed-").FullName;   // rwx------ whatever the umask
        try
        {
            var submissions = OpenCopyOfGood(open);

            var batch = await ProcessUmask.HardenedAsync(() => Grading.BatchGrader.GradeAsync(Options(submissions, Path.Combine(sealedRoot, "output"))));

            ShouldPass(batch);
            if (batch.Sandbox.Name == "bubblewrap") batch.Sandbox.OutsideUid.Should().Be((int)Geteuid(), "nobody cannot bind a scratch folder it cannot reach");
        }
        finally
        {
            Directory.Delete(open, recursive: true);
            Directory.Delete(sealedRoot, recursive: true);
        }
    }

    private static void ShouldPass(Grading.BatchResult batch)
    {
        var good = batch.Students.Single();
        good.Verdict.Should().Be(Grading.StudentResult.Graded, "a good student is graded, never \"does not compile\" because of the grader's folders");
        good.Scenarios.Should().NotBeEmpty().And.OnlyContain(verdict => verdict.Passed);
    }

    /// <summary>The good fixture student in a folder anyone may read, made before the umask changes.</summary>
    private static string OpenCopyOfGood(string open)
    {
        File.SetUnixFileMode(open, Open);
        var good = Directory.CreateDirectory(Path.Combine(open, "submissions", "Good")).FullName;
        File.SetUnixFileMode(Path.GetDirectoryName(good)!, Open);
        File.SetUnixFileMode(good, Open);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(FixtureBatch.Submissions, "Good")))
        {
            var copy = Path.Combine(good, Path.GetFileName(file));
            File.Copy(file, copy);
            File.SetUnixFileMode(copy, (UnixFileMode)0b110_100_100);
        }
        return Path.GetDirectoryName(good)!;
    }

    private static GradingOptions Options(string submissions, string output) =>
        FixtureBatch.Options(submissions, output) with { Variant = "2" };

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint Geteuid();
}
