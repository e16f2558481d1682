using System.Diagnostics;
using ConvSpecs.Grader.Grading;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Grader.Tests;

/// <summary>
/// The evidence folder is written by the student's process, so the grader reads it as untrusted input: a FIFO, a link or
/// a looping folder is refused and named, never opened or followed. (Under the API allow-list student code cannot make
/// such files; these are the grader's own defence, made here by the test.)
/// </summary>
public sealed class MeasuredEvidenceTests
{
    private const string Scenario = "Student/variant-2/output-is-64-16-16";

    // A generous bound that only a grader blocked in open() would reach.
    private static readonly TimeSpan Blocked = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RegularEvidenceIsReadWithItsStatisticsTablesAndPlots()
    {
        var folder = Evidence();

        var evidence = await ReadAsync(folder);

        evidence.Refusals.Should().BeEmpty();
        evidence.Statistics.Should().ContainSingle().Which.Name.Should().Be("parameters");
        evidence.Tables.Should().ContainSingle().Which.Name.Should().Be("layers");
        evidence.Plots.Should().ContainSingle().Which.Name.Should().Be("curve");
    }

    [Fact]
    public async Task AFifoNamedStatisticsJsonIsRefusedWithoutBlocking()
    {
        var folder = Evidence();
        var json = Path.Combine(folder, Scenario, "statistics.json");
        File.Delete(json);
        MakeFifo(json);

        var evidence = await ReadAsync(folder);

        evidence.Refusals.Should().Equal($"{Scenario}/statistics.json is a FIFO (named pipe), not a regular file");
        evidence.Statistics.Should().BeEmpty();
    }

    [Fact]
    public async Task StatisticsJsonLinkedToDevZeroIsRefusedUnread()
    {
        var folder = Evidence();
        var json = Path.Combine(folder, Scenario, "statistics.json");
        File.Delete(json);
        File.CreateSymbolicLink(json, "/dev/zero");

        var evidence = await ReadAsync(folder);

        evidence.Refusals.Should().Equal($"{Scenario}/statistics.json is a symbolic link, not a regular file");
    }

    [Fact]
    public async Task APlotLinkedToAnotherStudentsPngIsRefusedAndNotShown()
    {
        var folder = Evidence();
        var other = Path.Combine(Evidence(), Scenario, "curve.png");
        var plot = Path.Combine(folder, Scenario, "curve.png");
        File.Delete(plot);
        File.CreateSymbolicLink(plot, other);

        var evidence = await ReadAsync(folder);

        evidence.Plots.Should().BeEmpty();
        evidence.Refusals.Should().Equal($"{Scenario}/curve.png is a symbolic link, not a regular file");
        evidence.Statistics.Should().ContainSingle("the rest of the evidence is still read");
    }

    [Fact]
    public async Task LoopingFolderLinksAreListedNotFollowed()
    {
        var folder = Evidence();
        Directory.CreateSymbolicLink(Path.Combine(folder, "a"), ".");
        Directory.CreateSymbolicLink(Path.Combine(folder, "b"), ".");

        var evidence = await ReadAsync(folder);

        evidence.Refusals.Should().Equal("a is a symbolic link, not a regular file", "b is a symbolic link, not a regular file");
    }

    [Fact]
    public async Task AnEvidenceFolderThatIsALinkIsRefused()
    {
        var link = Path.Combine(Directory.CreateTempSubdirectory("convspecs-evidence-").FullName, "0");
        Directory.CreateSymbolicLink(link, Evidence());

        var evidence = await ReadAsync(link);

        evidence.Refusals.Should().Equal("the evidence folder 0 is a symbolic link, not a folder");
        evidence.Statistics.Should().BeEmpty();
    }

    private static async Task<MeasuredEvidence> ReadAsync(string folder) => await Task.Run(() => MeasuredEvidence.Read(folder)).WaitAsync(Blocked);

    /// <summary>One scenario's evidence as the specs write it: statistics.json, statistics.md with a table, one PNG.</summary>
    private static string Evidence()
    {
        var root = Directory.CreateTempSubdirectory("convspecs-evidence-").FullName;
        var scenario = Directory.CreateDirectory(Path.Combine(root, Scenario)).FullName;
        File.WriteAllText(Path.Combine(scenario, "statistics.json"),
            """{"statistics":[{"name":"parameters","value":"1234","unit":""}],"plots":["curve.png"]}""");
        File.WriteAllText(Path.Combine(scenario, "statistics.md"), "## title\n\n### layers\n\n| layer | kind |\n| --- | --- |\n| conv1 | Conv2d |\n");
        File.WriteAllBytes(Path.Combine(scenario, "curve.png"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]);
        return root;
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        mkfifo.ExitCode.Should().Be(0);
    }
}
