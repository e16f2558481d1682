using System.Text.Json;
using System.Text.RegularExpressions;
using ConvSpecs.Reports;

namespace ConvSpecs.Grader.Grading;

/// <summary>
/// What a scenario measured, read back from the folder the student's worker wrote it to. That folder was
/// writable by student code, so everything here is untrusted input: sizes are capped, PNGs must be PNGs,
/// and the report escapes every text.
/// </summary>
public sealed partial record MeasuredEvidence(IReadOnlyList<Statistic> Statistics, IReadOnlyList<(string Name, string Markdown)> Tables, IReadOnlyList<(string Name, byte[] Png)> Plots)
{
    private const long MaxFileBytes = 2 * 1024 * 1024;
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static readonly MeasuredEvidence None = new([], [], []);

    /// <summary>The evidence below <paramref name="folder"/> (one scenario's: &lt;evidence&gt;/&lt;index&gt;/…); None when there is none or it is unreadable.</summary>
    public static MeasuredEvidence Read(string folder)
    {
        if (!Directory.Exists(folder)) return None;
        var json = Directory.EnumerateFiles(folder, "statistics.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault();
        if (json is null || new FileInfo(json).Length > MaxFileBytes) return None;
        var scenarioFolder = Path.GetDirectoryName(json)!;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(json));
            var statistics = document.RootElement.TryGetProperty("statistics", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(item => new Statistic(Text(item, "name"), Text(item, "value"), Text(item, "unit"))).ToList()
                : [];
            var plots = document.RootElement.TryGetProperty("plots", out var names) && names.ValueKind == JsonValueKind.Array
                ? names.EnumerateArray().Select(name => name.GetString() ?? "").Select(name => Plot(scenarioFolder, name)).OfType<(string, byte[])>().ToList()
                : [];
            return new MeasuredEvidence(statistics, ReadTables(Path.Combine(scenarioFolder, "statistics.md")), plots);
        }
        catch (JsonException)
        {
            return None;
        }
    }

    private static string Text(JsonElement item, string property) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static (string, byte[])? Plot(string folder, string file)
    {
        // only a file name, directly in the scenario's folder
        if (file != Path.GetFileName(file) || !file.EndsWith(".png", StringComparison.Ordinal)) return null;
        var path = Path.Combine(folder, file);
        if (!File.Exists(path) || new FileInfo(path).Length > MaxFileBytes) return null;
        var bytes = File.ReadAllBytes(path);
        return bytes.AsSpan().StartsWith(PngSignature) ? (Path.GetFileNameWithoutExtension(file), bytes) : null;
    }

    /// <summary>The "### name" sections of statistics.md with the markdown table under each.</summary>
    private static List<(string, string)> ReadTables(string markdown)
    {
        if (!File.Exists(markdown) || new FileInfo(markdown).Length > MaxFileBytes) return [];
        return [.. TableSection().Matches(File.ReadAllText(markdown).ReplaceLineEndings("\n"))
            .Select(match => (match.Groups["name"].Value.Trim(), match.Groups["table"].Value.TrimEnd()))];
    }

    [GeneratedRegex(@"^### (?<name>[^\n]+)\n\n(?<table>(?:\|[^\n]*\n?)+)", RegexOptions.Multiline)]
    private static partial Regex TableSection();
}
