using System.Diagnostics;
using System.Text.RegularExpressions;
using ConvSpecs.Grader.Cache;
using FluentAssertions;

namespace ConvSpecs.Grader.Tests.Scale;

/// <summary>
/// Runs the grader's command line, and compares two grading outputs the way a run and its shards merged, or a fresh
/// run and a cached one, must agree: the same files, byte for byte, once every timing is masked.
/// </summary>
internal static partial class GradingOutputs
{
    /// <summary>The grader as the tests' build copied it.</summary>
    public static readonly string Grader = Path.Combine(AppContext.BaseDirectory, "ConvSpecs.Grader");

    public static async Task<(int Exit, string Output)> Run(IReadOnlyList<string> arguments, string? grader = null)
    {
        var start = new ProcessStartInfo(grader ?? Grader) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, string.Join('\n', string.Join(' ', arguments), await output, await error));
    }

    /// <summary>Every file of <paramref name="actual"/> is <paramref name="expected"/>'s, apart from the timings.</summary>
    public static void ShouldMatch(string actual, string expected)
    {
        var files = Files(expected);
        Files(actual).Should().Equal(files);
        files.Should().Contain(["index.html", "summary.csv", "summary.txt"]);
        foreach (var file in files)
            Masked(file, File.ReadAllText(Path.Combine(actual, file))).Should().Be(Masked(file, File.ReadAllText(Path.Combine(expected, file))), file);
    }

    /// <summary>The output's files but the scratch folder and the cache's report (which says how this run came by its results).</summary>
    public static List<string> Files(string output) =>
        [.. Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(output, file).Replace('\\', '/'))
            .Where(file => !file.StartsWith("scratch/", StringComparison.Ordinal) && file != GradingCache.ReportFile)
            .Order(StringComparer.Ordinal)];

    /// <summary>The file with every timing replaced by T: only what a clock measured may differ.</summary>
    public static string Masked(string file, string text)
    {
        if (file == "summary.csv")
            return string.Join('\n', text.Split('\n').Select((line, index) => index == 0 || line.Length == 0 ? line : MaskCsvTime(line)));
        foreach (var timing in new[] { ExecutionTime(), RecordedDuration(), GradedIn(), TimeCell(), WallTime(), TableTime() })
            text = timing.Replace(text, match => match.Value.Replace(match.Groups["t"].Value, "T", StringComparison.Ordinal));
        return text;
    }

    public static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    // student,variants,passed,total,score,max_score,time_s,verdict: no comma before the verdict in these students' rows
    private static string MaskCsvTime(string line)
    {
        var fields = line.Split(',', 8);
        fields[6] = "T";
        return string.Join(',', fields);
    }

    [GeneratedRegex("\"execution_time\": (?<t>[0-9.]+)")]
    private static partial Regex ExecutionTime();

    [GeneratedRegex("\"(duration|wallTime)\": \"(?<t>[0-9:.]+)\"")]
    private static partial Regex RecordedDuration();

    [GeneratedRegex(@"graded in (?<t>[0-9.]+) s")]
    private static partial Regex GradedIn();

    [GeneratedRegex(@"<td class=""num"">(?<t>[0-9.]+) s</td>")]
    private static partial Regex TimeCell();

    [GeneratedRegex(@"wall time (?<t>[0-9.]+) s")]
    private static partial Regex WallTime();

    // summary.txt's time column: right-aligned seconds then two spaces before the verdict
    [GeneratedRegex(@"(?<t> +[0-9]+)s  (?=\S)")]
    private static partial Regex TableTime();
}
