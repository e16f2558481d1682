using System.Diagnostics;
using System.Globalization;
using ConvSpecs.Grader.Grading;

namespace ConvSpecs.Grader.Tests.HostileInput;

/// <summary>
/// A class that attacks what the grader reads and writes, graded once as one batch: the students in Students/ (a good
/// one, markup in messages (graded under a folder name that is markup too), terminal escapes in a crash, a read of
/// another student's file), the students whose attack is
/// a special file or a hostile folder name, made here at test time (git cannot hold a FIFO, and a link is made where it
/// points), and the good student graded alone. The submissions folder is given to the grader through a symbolic link.
/// </summary>
internal static class HostileInputBatch
{
    public const string Secret = "TOKEN-7f3a9c-do-not-leak";

    public const string MarkupName = "X\"><img src=x onerror=alert(1)>";

    public const string NewlineName = "Line\nBreak";

    public const string FormulaName = "=HYPERLINK(\"evil.example\",\"click\")";

    public const string TabName = "\tTab";

    public const string EscapeName = "Esc\u001b[31mRed";

    public const string DotName = ".Dot";

    public static readonly string Root = Path.Combine(Path.GetTempPath(), "convspecs-grader-tests", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), "hostile-input");

    /// <summary>The real submissions folder; the grader is given <see cref="SubmissionsLink"/>, a link to it.</summary>
    public static readonly string Submissions = Path.Combine(Root, "submissions");

    public static readonly string SubmissionsLink = Path.Combine(Root, "submissions-link");

    public static readonly string Output = Path.Combine(Root, "out");

    public static readonly string AloneOutput = Path.Combine(Root, "alone-out");

    /// <summary>Outside every student's folder, as a token in the instructor's home would be.</summary>
    public static readonly string SecretFile = Path.Combine(Root, "home", ".some-token");

    private static readonly string Students = Path.Combine(AppContext.BaseDirectory, "HostileInput", "Students");

    private static readonly Lazy<Task<Graded>> Once = new(GradeAsync);

    /// <summary>The batch, the good student alone, and every file outside the output folders before and after grading.</summary>
    public sealed record Graded(BatchResult Batch, BatchResult Alone, IReadOnlyList<string> Before, IReadOnlyList<string> After);

    public static Task<Graded> Result => Once.Value;

    public static async Task<StudentResult> Student(string name) => (await Result).Batch.Students.Single(student => student.Student == name);

    private static async Task<Graded> GradeAsync()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        Build();
        var before = Snapshot();
        var batch = await BatchGrader.GradeAsync(Options(SubmissionsLink, Output));
        var after = Snapshot();

        var alone = Path.Combine(Root, "alone", "Good");
        CopyFolder(Path.Combine(Students, "Good"), alone);
        var goodAlone = await BatchGrader.GradeAsync(Options(Path.GetDirectoryName(alone)!, AloneOutput));
        return new Graded(batch, goodAlone, before, after);
    }

    private static GradingOptions Options(string submissions, string output) => new()
    {
        SubmissionsDirectory = submissions,
        OutputDirectory = output,
        Parallel = 2,
        // nothing here hangs: generous limits, so a loaded machine changes no verdict
        ScenarioTimeout = TimeSpan.FromSeconds(120),
        StudentTimeout = TimeSpan.FromSeconds(600),
        MemoryLimitMiB = 768,
    };

    private static void Build()
    {
        foreach (var student in Directory.EnumerateDirectories(Students))
            CopyFolder(student, Path.Combine(Submissions, Path.GetFileName(student) == "MarkupInMessages" ? MarkupName : Path.GetFileName(student)));
        Directory.CreateDirectory(Path.GetDirectoryName(SecretFile)!);
        File.WriteAllText(SecretFile, $"namespace {Secret} {{ }}\n");

        WithModel("DanglingLink", folder => File.CreateSymbolicLink(Path.Combine(folder, "Helper.cs"), "Missing.cs"));
        WithModel("FifoSource", folder => MakeFifo(Path.Combine(folder, "Pipe.cs")));
        WithModel("ZeroSource", folder => File.CreateSymbolicLink(Path.Combine(folder, "Zero.cs"), "/dev/zero"));
        WithModel("LoopingLinks", folder =>
        {
            Directory.CreateSymbolicLink(Path.Combine(folder, "a"), ".");
            Directory.CreateSymbolicLink(Path.Combine(folder, "b"), ".");
        });
        WithModel("HugeSource", folder =>
        {
            // 50 MB that occupy no disk: a sparse file, refused by its size before a byte is read
            using var huge = File.Create(Path.Combine(folder, "Big.cs"));
            huge.SetLength(50_000_000);
        });
        File.CreateSymbolicLink(Path.Combine(Folder("BorrowedFile"), "A.cs"), "../Good/BottleneckNet.cs");
        Directory.CreateSymbolicLink(Path.Combine(Folder("BorrowedFolder"), "borrowed"), "../Good");
        File.CreateSymbolicLink(Path.Combine(Folder("SecretLink"), "Secret.cs"), SecretFile);
        Directory.CreateSymbolicLink(Path.Combine(Submissions, "Mirror"), "Good");

        foreach (var name in new[] { NewlineName, FormulaName, TabName, EscapeName, DotName })
            WithModel(name, _ => { }, variant: "");
        Directory.CreateSymbolicLink(SubmissionsLink, Submissions);
    }

    private static string Folder(string student) => Directory.CreateDirectory(Path.Combine(Submissions, student)).FullName;

    /// <summary>A folder with a model of its own that compiles (variant 2, wrong shape), so only the attack is refused.</summary>
    private static void WithModel(string student, Action<string> attack, string variant = "[Variant(2)]")
    {
        var folder = Folder(student);
        File.WriteAllText(Path.Combine(folder, "Model.cs"), $$"""
            using ConvSpecs.Models;
            using TorchSharp.Modules;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            namespace Students.Hostile;

            {{variant}}
            public sealed class Model : Module<Tensor, Tensor>
            {
                private readonly Conv2d conv = Conv2d(3, 64, 4, stride: 4, padding: 0L);

                public Model() : base(nameof(Model)) => RegisterComponents();

                public override Tensor forward(Tensor x) => conv.call(x);
            }
            """);
        attack(folder);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        if (mkfifo.ExitCode != 0) throw new InvalidOperationException($"mkfifo {path} failed with exit code {mkfifo.ExitCode}");
    }

    /// <summary>Every entry under the root but the output folders, with its kind, size and time of last write; links are not followed.</summary>
    private static List<string> Snapshot()
    {
        var entries = new List<string>();
        Walk(Root);
        return [.. entries.Order(StringComparer.Ordinal)];

        void Walk(string folder)
        {
            foreach (var path in Directory.EnumerateFileSystemEntries(folder))
            {
                if (path == Output || path == AloneOutput) continue;
                var info = new FileInfo(path);
                entries.Add($"{Path.GetRelativePath(Root, path)} {info.Attributes} {info.LinkTarget} {(info.Exists ? info.Length : 0)} {info.LastWriteTimeUtc:O}");
                if (info.LinkTarget is null && Directory.Exists(path)) Walk(path);
            }
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
    }
}
