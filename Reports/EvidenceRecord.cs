using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConvSpecs.Reports;

/// <summary>statistics.json: what one scenario measured and how it ended, read back by the evidence index.</summary>
public sealed record EvidenceRecord
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Feature { get; init; } = "";
    public string? Rule { get; init; }
    public string Scenario { get; init; } = "";

    /// <summary>The scenario's feature file and line, "variant2.feature:17".</summary>
    public string Id { get; init; } = "";
    public string Submission { get; init; } = "";
    public long Seed { get; init; }
    public string Device { get; init; } = "";
    public DateTime Measured { get; init; }
    public bool Passed { get; init; }

    /// <summary>passed, failed, or not run (an experiment whose models failed a rule it needs).</summary>
    public string Status { get; init; } = "";
    public string? Error { get; init; }
    public IReadOnlyList<Measure> Statistics { get; init; } = [];
    public IReadOnlyList<Table> Tables { get; init; } = [];
    public IReadOnlyList<string> Plots { get; init; } = [];

    public sealed record Measure(string Name, string Value, string Unit);

    public sealed record Table(string Name, string Markdown);
}
