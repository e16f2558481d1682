using System.Diagnostics;
using ConvSpecs.Drivers;
using ConvSpecs.Grader.Check;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Grader.Tests;

/// <summary>
/// The student's path end to end (./run-specs.sh --submission NAME runs the same check command): a folder compiled at
/// run time and checked in this process, and the console lines a student reads.
/// </summary>
public sealed partial class StudentCheckTests(StudentFolderFixture students) : IClassFixture<StudentFolderFixture>
{
    [Fact]
    public void AGoodFolderGetsATickPerRuleWithWhatWasMeasured()
    {
        var (status, console) = Check("--submission", "Good");

        status.Should().Be(0);
        console.Should().Contain("Good · variant 2")
            .And.Contain("  ✓ The output is (64, 16, 16) — measured: output shape (2, 64, 16, 16)")
            .And.Contain(line => line.StartsWith("  ✓ At most 3 convolution layers — measured: Conv2d layers that ran 2 layer calls", StringComparison.Ordinal))
            .And.Contain(line => line.StartsWith("  ✓ At least one convolution has padding=0", StringComparison.Ordinal))
            .And.Contain(line => line.StartsWith("  ✓ Experiment: padding=0 against padding=1", StringComparison.Ordinal))
            .And.Contain(line => line.StartsWith("Good: 4 of 4 checks passed (", StringComparison.Ordinal));
        console.Should().NotContain(line => line.Contains('✗') || line.Contains("CS0219", StringComparison.Ordinal), "an unused local is a warning, not an error");
        NoRunnerWording(console);
    }

    [Fact]
    public void OneFailingRuleGetsACrossAndOnePlainSentence()
    {
        var (status, console) = Check("--submission", "OneFailingRule", "--variant", "2");

        status.Should().Be(1);
        var cross = console.IndexOf(console.Single(line => line.StartsWith("  ✗ At most 3 convolution layers — measured: Conv2d layers that ran 4 layer calls", StringComparison.Ordinal)));
        console[cross + 1].Should().Be("      At most 3 Conv2d layers may run; measured 4 Conv2d layer calls, 4 in all. Remove 1 of them.");
        console.Should().Contain("  ✓ The output is (64, 16, 16) — measured: output shape (2, 64, 16, 16)")
            .And.Contain(line => line.StartsWith("OneFailingRule: 3 of 4 checks passed, 1 failed (", StringComparison.Ordinal));
        NoRunnerWording(console);
    }

    [Fact]
    public void PaddingZeroIsAnErrorWithTheHintAndTheOtherVariantIsStillChecked()
    {
        var (status, console) = Check("--submission", "PaddingZero");

        status.Should().Be(1);
        console.Should().Contain(line => line.StartsWith("  ✗ Deep.cs:11: error CS0121: The call is ambiguous", StringComparison.Ordinal))
            .And.Contain("      hint: `padding: 0` matches two Conv2d overloads (0 converts to both long and the Padding enum): write `padding: 0L` (or `Padding.Valid`).")
            .And.Contain("  ✓ The output is (64, 16, 16) — measured: output shape (2, 64, 16, 16)")
            .And.Contain("PaddingZero · variant 3: not checked: its model is in Deep.cs, which does not compile (errors above).")
            .And.Contain(line => line.StartsWith("PaddingZero: 4 of 5 checks passed, 1 failed (", StringComparison.Ordinal));
    }

    [Fact]
    public void AnUnknownNameListsTheSubmissionsFound()
    {
        var (status, console) = Check("--submission", "Godo");

        status.Should().Be(2);
        console.Should().Equal(
            $"There is no submission 'Godo' in {Path.GetFileName(students.Root)}/: a submission is a folder {Path.GetFileName(students.Root)}/<YourName>/ " +
            "with your .cs files. The submissions found: Good, OneFailingRule, PaddingZero. Did you mean Good?");
    }

    [Fact]
    public void AHandInCopyIsCheckedTheSameWay()
    {
        var handIn = Path.Combine(students.Root, ".hand-in");
        CopyFolder(Path.Combine(students.Root, "Good"), Path.Combine(handIn, "Good"));

        var (status, console) = Check("--models", handIn, "--submission", "Good");

        status.Should().Be(0);
        console.Should().Contain("  ✓ The output is (64, 16, 16) — measured: output shape (2, 64, 16, 16)")
            .And.Contain(line => line.StartsWith("Good: 4 of 4 checks passed (", StringComparison.Ordinal));
    }

    [Fact]
    public void AHandInFolderInsideTheRepositoryIsNotCompiledIntoTheSpecs()
    {
        // The README's check: mkdir -p hand-in && cp -r Models/<you> hand-in/ && ./run-specs.sh --submissions hand-in.
        var root = RunSettings.RepositoryRoot()!;
        var student = Path.Combine(root, "hand-in", $"HandInProbe{Environment.ProcessId}");
        CopyFolder(Path.Combine(students.Root, "Good"), student);
        try
        {
            var compiled = CompileItems(root);

            compiled.Should().Contain(path => path.StartsWith("Models", StringComparison.Ordinal))
                .And.NotContain(path => path.StartsWith("hand-in", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(student, recursive: true);
            if (!Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(student)!).Any()) Directory.Delete(Path.GetDirectoryName(student)!);
        }
    }

    [Fact]
    public void WatchChecksTheSavedVersionAgain()
    {
        var models = Path.Combine(students.Root, ".watch");
        CopyFolder(Path.Combine(students.Root, "Good"), Path.Combine(models, "Good"));
        var options = CheckOptions.Parse(["--models", models, "--submission", "Good", "--variant", "2", "--watch", "--work", students.Work]);
        var text = new StringWriter();
        var console = TextWriter.Synchronized(text);
        using var stop = new CancellationTokenSource();

        var watch = Outside(() => StudentCheck.Watch(options, console, stop.Token));
        // Generous limits: a loaded machine is slow, and nothing here is about speed (bench/check.sh measures it).
        WaitFor(() => Read(console, text).Contains("Watching ", StringComparison.Ordinal));
        // The save changes a verdict: two functional convolutions (one per line) make 4 where at most 3 may run.
        // Caches keyed by the folder or the submission's name would answer with the first version's ✓.
        var net = Path.Combine(models, "Good", "Net.cs");
        File.WriteAllText(net, File.ReadAllText(net).Replace("return relu.call(conv2.call(relu.call(conv1.call(x))));", """
            var y = relu.call(conv2.call(relu.call(conv1.call(x))));
                    var identity = eye(64).reshape(64, 64, 1, 1);
                    y = functional.conv2d(y, identity);
                    return functional.conv2d(y, identity);
            """, StringComparison.Ordinal));
        WaitFor(() => Read(console, text).Contains("Re-checked ", StringComparison.Ordinal));
        stop.Cancel();
        watch.Join();

        var lines = Read(console, text).ReplaceLineEndings("\n").Split('\n');
        var again = Array.FindIndex(lines, line => line.Contains("saved: checking Good again", StringComparison.Ordinal));
        again.Should().BePositive();
        lines[..again].Should().ContainSingle(line => line.StartsWith("Good: 4 of 4 checks passed (", StringComparison.Ordinal));
        var saved = lines[again..];
        saved.Should().Contain(line => line.StartsWith("  ✗ At most 3 convolution layers", StringComparison.Ordinal))
            .And.Contain(line => line.Contains("4 in all", StringComparison.Ordinal))
            .And.Contain(line => line.Contains("functional.conv2d at Net.cs:", StringComparison.Ordinal))
            .And.Contain(line => line.StartsWith("Good: 3 of 4 checks passed, 1 failed (", StringComparison.Ordinal));
    }

    [Fact]
    public void ASavedModelIsCheckedAgainBeforeTraining()
    {
        // Nothing trains: both versions fail a rule that needs no training, a different one each, so the experiment's
        // "Not trained" names the saved version's rule. Keyed by the submission's name only, it would name the first's.
        var models = Path.Combine(students.Root, ".before-training");
        var net = Path.Combine(models, "Pools", "Net.cs");
        Directory.CreateDirectory(Path.GetDirectoryName(net)!);
        File.WriteAllText(net, PoolingPair("", "classifier.call(flatten.call(pool.call(x)))", classes: 5));
        var (_, first) = Check("--models", models, "--submission", "Pools", "--variant", "pooling");
        // The save: 10 classes now, but a convolution runs first.
        File.WriteAllText(net, PoolingPair("private readonly Conv2d conv = Conv2d(1, 1, 1);", "classifier.call(flatten.call(pool.call(conv.call(x))))", classes: 10));
        var (_, saved) = Check("--models", models, "--submission", "Pools", "--variant", "pooling");

        const string shapeRule = "- Rule: One 28×28 image gives 10 class scores;", convolutionRule = "- Rule: No convolution:";
        first.Should().Contain(line => line.Contains("Not trained: ", StringComparison.Ordinal))
            .And.Contain(line => line.TrimStart().StartsWith(shapeRule, StringComparison.Ordinal))
            .And.NotContain(line => line.TrimStart().StartsWith(convolutionRule, StringComparison.Ordinal));
        saved.Should().Contain(line => line.Contains("Not trained: ", StringComparison.Ordinal))
            .And.Contain(line => line.TrimStart().StartsWith(convolutionRule, StringComparison.Ordinal))
            .And.NotContain(line => line.TrimStart().StartsWith(shapeRule, StringComparison.Ordinal), "the saved version gives 10 scores");
    }

    private static string PoolingPair(string extraField, string forward, int classes) => $$"""
        using ConvSpecs.Models;
        using TorchSharp.Modules;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        namespace ConvSpecs.Models.Pools;

        public sealed class Net : Module<Tensor, Tensor>
        {
            {{extraField}}
            private readonly Module<Tensor, Tensor> pool;
            private readonly Flatten flatten = Flatten();
            private readonly Linear classifier = Linear(14 * 14, {{classes}});

            private Net(Module<Tensor, Tensor> pool) : base(nameof(Net))
            {
                this.pool = pool;
                RegisterComponents();
            }

            [PoolingTask(Role = "max")]
            public static Net WithMax() => new(MaxPool2d(2));

            [PoolingTask(Role = "avg")]
            public static Net WithAverage() => new(AvgPool2d(2));

            public override Tensor forward(Tensor x) => {{forward}};
        }
        """;

    [Fact]
    public void ANamespaceOutsideTheModelsIsReportedWithTheFix()
    {
        var folder = Path.Combine(students.Root, ".namespaces", "IvanPetrov");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Net.cs"), "namespace Homework.Seminar1;\npublic class Net { }\n");
        File.WriteAllText(Path.Combine(folder, "Other.cs"), "namespace ConvSpecs.Models.Ivan;\npublic class Other { }\n");

        var notes = SourceNotes.For("IvanPetrov", folder, namespaceMatters: true);

        notes.Should().Equal(
            "Net.cs:1: namespace Homework.Seminar1 lies outside ConvSpecs.Models: dotnet test and ./run-specs.sh would list it as a submission named \"Seminar1\"; " +
            "write `namespace ConvSpecs.Models.IvanPetrov;` (the last part names your submission and must be your folder's name).",
            "Other.cs:1: namespace ConvSpecs.Models.Ivan does not match the folder IvanPetrov: dotnet test and ./run-specs.sh would list it as a submission named \"Ivan\"; " +
            "write `namespace ConvSpecs.Models.IvanPetrov;` (the last part names your submission and must be your folder's name).");
    }

    private (int Status, List<string> Console) Check(params string[] args)
    {
        var options = CheckOptions.Parse(args.Contains("--models") ? [.. args, "--work", students.Work] : [.. args, "--models", students.Root, "--work", students.Work]);
        using var console = new StringWriter();
        var status = 0;
        Outside(() => status = StudentCheck.Run(options, console)).Join();
        return (status, [.. console.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries)]);
    }

    // The check's thread, started outside this test's context as a student runs it (so nothing is attached to the test,
    // and the test platform copies nothing into the temporary folder), with the fixture's evidence folder while it runs.
    private Thread Outside(Action check)
    {
        var evidence = Path.Combine(students.Work, "evidence");
        using (ExecutionContext.SuppressFlow())
        {
            var thread = new Thread(() =>
            {
                var before = Environment.GetEnvironmentVariable("CONVSPECS_EVIDENCE_DIR");
                Environment.SetEnvironmentVariable("CONVSPECS_EVIDENCE_DIR", evidence);
                try
                {
                    check();
                }
                finally
                {
                    Environment.SetEnvironmentVariable("CONVSPECS_EVIDENCE_DIR", before);
                }
            });
            thread.Start();
            return thread;
        }
    }

    private static string Read(TextWriter console, StringWriter text)
    {
        lock (console) return text.ToString();
    }

    private static void WaitFor(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            waited.Elapsed.Should().BeLessThan(TimeSpan.FromMinutes(3), "the watch should have printed by then");
            Thread.Sleep(100);
        }
    }

    // No assertion library's wording, no runner's frames, no temporary file listed.
    private static void NoRunnerWording(List<string> console) =>
        console.Should().NotContain(line => line.Contains("Expected ", StringComparison.Ordinal) || line.Contains("   at ", StringComparison.Ordinal)
                                            || AttachmentCopy().IsMatch(line) || line.Contains("Xunit", StringComparison.Ordinal));

    // Where the test platform copies attachments: a folder named by a SHA-256 in the temporary folder.
    [System.Text.RegularExpressions.GeneratedRegex("[0-9a-f]{64}")]
    private static partial System.Text.RegularExpressions.Regex AttachmentCopy();

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    // What MSBuild compiles into ConvSpecs.dll (evaluation only, nothing is built).
    private static List<string> CompileItems(string root)
    {
        using var msbuild = Process.Start(new ProcessStartInfo("dotnet", ["msbuild", Path.Combine(root, "ConvSpecs.csproj"), "-getItem:Compile", "-nologo"])
            { RedirectStandardOutput = true, WorkingDirectory = root })!;
        var json = msbuild.StandardOutput.ReadToEnd();
        msbuild.WaitForExit();
        using var items = System.Text.Json.JsonDocument.Parse(json);
        return [.. items.RootElement.GetProperty("Items").GetProperty("Compile").EnumerateArray().Select(item => item.GetProperty("Identity").GetString()!.Replace('\\', '/'))];
    }
}
