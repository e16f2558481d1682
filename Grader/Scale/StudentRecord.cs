using System.Text.Json;
using System.Text.Json.Serialization;
using ConvSpecs.Bridge;
using ConvSpecs.Grader.Files;
using ConvSpecs.Grader.Grading;
using ConvSpecs.Grader.Worker;
using ConvSpecs.Reports;

namespace ConvSpecs.Grader.Scale;

/// <summary>
/// Everything the reports need of one student, as students/&lt;name&gt;/record.json: what a merge renders the class's
/// reports from. A scenario is named by its id and looked up in the merging grader's own specification, which the
/// manifest's build fingerprint says is the one the shard graded with. A merge reads these from a volume other
/// machines wrote, so they are untrusted: a regular file, at most <see cref="MaxBytes"/>, every field present and typed.
/// </summary>
public sealed record StudentRecord(string Student, IReadOnlyList<string> Variants, IReadOnlyList<string> CompileErrors,
    IReadOnlyList<VerdictRecord> Scenarios, string Verdict, TimeSpan Duration)
{
    public const string FileName = "record.json";

    /// <summary>Plots make most of a record (base64 PNGs, at most 8 MB per scenario as the grader reads them); 64 MiB leaves room.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 16,
        Converters = { new JsonStringEnumConverter<ScenarioStatus>() },
    };

    public static StudentRecord Of(StudentResult student)
    {
        ArgumentNullException.ThrowIfNull(student);
        return new(student.Student, student.Variants, student.CompileErrors, [.. student.Scenarios.Select(verdict => new VerdictRecord(
                verdict.Number, verdict.Scenario.Id, verdict.Status, verdict.Message, verdict.Steps,
                verdict.Evidence.Statistics, [.. verdict.Evidence.Tables.Select(table => new TableRecord(table.Name, table.Markdown))],
                [.. verdict.Evidence.Plots.Select(plot => new PlotRecord(plot.Name, plot.Png))], verdict.Evidence.Refusals))],
            student.Verdict, student.Duration);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json) + "\n";

    /// <summary>
    /// The result recorded in <paramref name="path"/> for <paramref name="student"/>; an <see cref="InvalidDataException"/>
    /// naming the file and what is wrong with it otherwise.
    /// </summary>
    public static StudentResult Read(string path, string student, IReadOnlyDictionary<string, Scenario> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        StudentRecord record;
        try
        {
            record = JsonSerializer.Deserialize<StudentRecord>(UntrustedFile.Read(path, MaxBytes, path), Json)
                ?? throw new InvalidDataException($"{path} holds null, not a student's record.");
        }
        catch (Exception unreadable) when (unreadable is JsonException or UntrustedFileException)
        {
            throw new InvalidDataException($"{path} is not a student's record: {unreadable.Message}", unreadable);
        }
        return record.ToResult(path, student, scenarios);
    }

    /// <summary>
    /// The result this record holds, when it is <paramref name="student"/>'s and every field checks out (what a
    /// deserialized record may still lack); an <see cref="InvalidDataException"/> naming <paramref name="path"/> otherwise.
    /// </summary>
    public StudentResult ToResult(string path, string student, IReadOnlyDictionary<string, Scenario> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        if (Student != student)
            throw new InvalidDataException($"{path} is the record of '{Student}', not of '{student}' whose folder it is in.");
        // the serializer checks the fields it fills, not the items of a list: a null there would reach the reports
        if (Scenarios.Any(verdict => verdict is null) || Variants.Concat(CompileErrors).Any(text => text is null)
            || Scenarios.Any(verdict => verdict.HasNullItem))
            throw new InvalidDataException($"{path} has a null in a list.");
        return new StudentResult(Student, Variants, CompileErrors,
            [.. Scenarios.Select(verdict => verdict.ToVerdict(path, scenarios))], Verdict, Duration);
    }
}

/// <summary>One scenario's verdict, the scenario named by its id (features/file.feature:line).</summary>
public sealed record VerdictRecord(string Number, string Scenario, ScenarioStatus Status, string? Message, IReadOnlyList<StepLine> Steps,
    IReadOnlyList<Statistic> Statistics, IReadOnlyList<TableRecord> Tables, IReadOnlyList<PlotRecord> Plots, IReadOnlyList<string> Refusals)
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    internal bool HasNullItem => Steps.Any(step => step is null) || Statistics.Any(statistic => statistic is null) || Tables.Any(table => table is null)
        || Plots.Any(plot => plot is null) || Refusals.Any(refusal => refusal is null);

    internal ScenarioVerdict ToVerdict(string path, IReadOnlyDictionary<string, Scenario> scenarios)
    {
        if (!scenarios.TryGetValue(Scenario, out var scenario))
            throw new InvalidDataException($"{path} names scenario {Scenario}, which this grader's specification does not have.");
        if (!Enum.IsDefined(Status))
            throw new InvalidDataException($"{path} gives scenario {Scenario} the unknown status {(int)Status}.");
        if (Plots.Any(plot => !plot.Png.AsSpan().StartsWith(PngSignature)))
            throw new InvalidDataException($"{path} has a plot in scenario {Scenario} that is not a PNG.");
        return new ScenarioVerdict(Number, scenario, Status, Message, Steps,
            new MeasuredEvidence(Statistics, [.. Tables.Select(table => (table.Name, table.Markdown))], [.. Plots.Select(plot => (plot.Name, plot.Png))], Refusals));
    }
}

public sealed record TableRecord(string Name, string Markdown);

public sealed record PlotRecord(string Name, byte[] Png);
