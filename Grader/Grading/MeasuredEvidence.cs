using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConvSpecs.Grader.Files;
using ConvSpecs.Reports;

namespace ConvSpecs.Grader.Grading;

/// <summary>
/// What a scenario measured, read back from the folder the student's worker wrote it to. That folder was writable by
/// student code, so everything here is untrusted input: only regular files are read (a link, FIFO or device is refused
/// and named in <see cref="Refusals"/>, never opened), sizes and counts are capped, PNGs must be PNGs, and the reports
/// escape every text.
/// </summary>
/// <param name="Refusals">"statistics.json is a FIFO (named pipe), not a regular file": what was refused, for the verdict.</param>
public sealed partial record MeasuredEvidence(IReadOnlyList<Statistic> Statistics, IReadOnlyList<(string Name, string Markdown)> Tables,
    IReadOnlyList<(string Name, byte[] Png)> Plots, IReadOnlyList<string> Refusals)
{
    private const long MaxFileBytes = 2 * 1024 * 1024;
    private const long MaxPlotBytes = 8 * 1024 * 1024;
    private const int MaxPlots = 16;

    /// <summary>The specs write one folder per scenario, three levels down (submission/feature/scenario), a handful of files in it.</summary>
    private const int MaxEntries = 200;

    private const int MaxDepth = 4;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static readonly MeasuredEvidence None = new([], [], [], []);

    /// <summary>The evidence below <paramref name="folder"/> (one scenario's: &lt;evidence&gt;/&lt;index&gt;/…); None when there is none or it is unreadable.</summary>
    public static MeasuredEvidence Read(string folder)
    {
        var (kind, _) = UntrustedFile.Inspect(folder);
        if (kind == FileKind.Missing) return None;
        if (kind != FileKind.Directory) return Refused($"the evidence folder {Path.GetFileName(folder)} is {kind.Describe()}, not a folder");

        var listing = FolderWalk.List(folder, MaxEntries, MaxDepth);
        var refusals = listing.Entries.Where(entry => entry.Kind is not (FileKind.Regular or FileKind.Directory or FileKind.Missing))
            .Select(entry => $"{entry.RelativePath} is {entry.Kind.Describe()}, not a regular file").ToList();
        if (listing.Truncated) refusals.Add($"the evidence folder has more than {MaxEntries} entries or is more than {MaxDepth} folders deep");
        var json = listing.Entries.FirstOrDefault(entry => Path.GetFileName(entry.RelativePath) == "statistics.json");
        if (json is null || json.Kind != FileKind.Regular) return refusals.Count == 0 ? None : new MeasuredEvidence([], [], [], refusals);

        var scenarioFolder = Path.GetDirectoryName(json.RelativePath) ?? "";
        var regular = listing.Entries.Where(entry => entry.Kind == FileKind.Regular).ToDictionary(entry => entry.RelativePath, StringComparer.Ordinal);
        string? Text(string name)
        {
            var relative = scenarioFolder.Length == 0 ? name : $"{scenarioFolder}/{name}";
            if (!regular.ContainsKey(relative)) return null;
            var bytes = ReadFile(folder, relative, MaxFileBytes, refusals);
            return bytes is null ? null : Encoding.UTF8.GetString(bytes);
        }

        try
        {
            if (Text("statistics.json") is not { } text) return new MeasuredEvidence([], [], [], refusals);
            using var document = JsonDocument.Parse(text);
            var statistics = document.RootElement.TryGetProperty("statistics", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(item => new Statistic(Field(item, "name"), Field(item, "value"), Field(item, "unit"))).ToList()
                : [];
            var plots = new List<(string, byte[])>();
            long plotBytes = 0;
            var names = document.RootElement.TryGetProperty("plots", out var plotNames) && plotNames.ValueKind == JsonValueKind.Array
                ? plotNames.EnumerateArray().Select(name => name.ValueKind == JsonValueKind.String ? name.GetString()! : "").Distinct(StringComparer.Ordinal).Take(MaxPlots)
                : [];
            foreach (var file in names)
            {
                // only a file name, directly in the scenario's folder, that the walk saw as a regular file
                var relative = scenarioFolder.Length == 0 ? file : $"{scenarioFolder}/{file}";
                // a plot that is a link or a FIFO is named in the refusals already
                if (file != Path.GetFileName(file) || !file.EndsWith(".png", StringComparison.Ordinal) || !regular.TryGetValue(relative, out var entry)) continue;
                if (plotBytes + entry.Size > MaxPlotBytes) break;
                if (ReadFile(folder, relative, MaxFileBytes, refusals) is { } png && png.AsSpan().StartsWith(PngSignature))
                {
                    plots.Add((Path.GetFileNameWithoutExtension(file), png));
                    plotBytes += png.Length;
                }
            }
            return new MeasuredEvidence(statistics, ReadTables(Text("statistics.md")), plots, refusals);
        }
        catch (JsonException)
        {
            return new MeasuredEvidence([], [], [], refusals);
        }
    }

    private static MeasuredEvidence Refused(string why) => new([], [], [], [why]);

    private static byte[]? ReadFile(string folder, string relative, long maxBytes, List<string> refusals)
    {
        try
        {
            return UntrustedFile.Read(Path.Combine(folder, relative), maxBytes, relative);
        }
        catch (UntrustedFileException refused)
        {
            refusals.Add(refused.Message);
            return null;
        }
    }

    private static string Field(JsonElement item, string property) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    /// <summary>The "### name" sections of statistics.md with the markdown table under each.</summary>
    private static List<(string, string)> ReadTables(string? markdown) =>
        markdown is null ? [] : [.. TableSection().Matches(markdown.ReplaceLineEndings("\n"))
            .Select(match => (match.Groups["name"].Value.Trim(), match.Groups["table"].Value.TrimEnd()))];

    [GeneratedRegex(@"^### (?<name>[^\n]+)\n\n(?<table>(?:\|[^\n]*\n?)+)", RegexOptions.Multiline)]
    private static partial Regex TableSection();
}
