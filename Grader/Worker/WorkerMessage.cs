using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConvSpecs.Grader.Worker;

/// <summary>
/// One line from a worker to the grader. The grader trusts none of it beyond the scenario it names: it
/// decides every verdict itself, and treats a worker that stops talking as hung or crashed.
/// </summary>
/// <param name="Kind">ready, start, end (a scenario), exit (Environment.Exit was called), fatal (the submission cannot be loaded), done;
/// compiled (from the compiling child).</param>
/// <param name="Index">The scenario's position in the student's plan.</param>
/// <param name="Passed">For end: whether the scenario passed.</param>
/// <param name="Message">For end: why it failed (feature, rule, scenario, step, error); for exit: where; for fatal: why; for compiled: the first refusal.</param>
/// <param name="Steps">For end: every step with its outcome.</param>
/// <param name="Errors">For compiled: the compiler's errors (empty when it compiled).</param>
/// <param name="Variants">For compiled: the variants the [Variant] attributes name.</param>
public sealed record WorkerMessage(
    string Kind,
    int Index = -1,
    bool Passed = false,
    string? Message = null,
    IReadOnlyList<StepLine>? Steps = null,
    IReadOnlyList<string>? Errors = null,
    IReadOnlyList<string>? Variants = null)
{
    /// <summary>Every protocol line starts with this; anything else on the protocol descriptor is ignored.</summary>
    public const string Prefix = "@@convspecs ";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string ToLine() => Prefix + JsonSerializer.Serialize(this, Json);

    /// <summary>The message on a protocol line; null for any other line or a malformed one.</summary>
    public static WorkerMessage? Parse(string? line)
    {
        if (line is null || !line.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        try
        {
            return JsonSerializer.Deserialize<WorkerMessage>(line.AsSpan(Prefix.Length), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>A step as written (keyword and text) and how it ended.</summary>
public sealed record StepLine(string Text, string Outcome);
