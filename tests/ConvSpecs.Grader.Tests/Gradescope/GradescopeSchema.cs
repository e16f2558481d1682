using System.Text.Json;

namespace ConvSpecs.Grader.Tests.Gradescope;

/// <summary>
/// Gradescope's results.json as its autograder specification documents it
/// (https://gradescope-autograders.readthedocs.io/en/latest/specs/, "Output format", "Test case status",
/// "Output String Formatting", visibility options): the keys, their types and their allowed values. Every field the
/// package's results carry is required here, even those Gradescope makes optional, so a missing one is caught.
/// </summary>
public static class GradescopeSchema
{
    private static readonly string[] TopLevelKeys =
        ["score", "execution_time", "output", "output_format", "test_output_format", "test_name_format", "visibility", "stdout_visibility", "extra_data", "tests", "leaderboard"];

    private static readonly string[] TestKeys =
        ["score", "max_score", "status", "name", "name_format", "number", "output", "output_format", "tags", "visibility", "extra_data"];

    private static readonly string[] Visibilities = ["hidden", "after_due_date", "after_published", "visible"];

    private static readonly string[] Formats = ["text", "html", "simple_format", "md", "ansi"];

    /// <summary>Every way <paramref name="json"/> departs from the format; empty when it follows it.</summary>
    public static IReadOnlyList<string> Problems(string json)
    {
        var problems = new List<string>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException invalid)
        {
            return [$"not JSON: {invalid.Message}"];
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return ["the top level is not an object"];
            Unknown(root, TopLevelKeys, "the top level", problems);
            Number(root, "score", "the top level", problems);
            if (Number(root, "execution_time", "the top level", problems) is < 0) problems.Add("execution_time is negative");
            Text(root, "output", "the top level", problems);
            OneOf(root, "output_format", Formats, "the top level", problems);
            OneOf(root, "test_output_format", Formats, "the top level", problems);
            OneOf(root, "visibility", Visibilities, "the top level", problems);
            OneOf(root, "stdout_visibility", Visibilities, "the top level", problems);
            if (root.TryGetProperty("test_name_format", out _)) OneOf(root, "test_name_format", Formats, "the top level", problems);
            Kind(root, "extra_data", JsonValueKind.Object, "the top level", problems);
            if (Kind(root, "tests", JsonValueKind.Array, "the top level", problems) is { } tests)
            {
                var total = 0.0;
                foreach (var (test, index) in tests.EnumerateArray().Select((test, index) => (test, index)))
                    total += Test(test, $"tests[{index}]", problems);
                if (root.TryGetProperty("score", out var score) && score.ValueKind == JsonValueKind.Number && Math.Abs(score.GetDouble() - total) > 1e-9)
                    problems.Add($"score {score.GetDouble()} is not the sum of the tests' scores ({total})");
            }
        }
        return problems;
    }

    private static double Test(JsonElement test, string where, List<string> problems)
    {
        if (test.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{where} is not an object");
            return 0;
        }
        Unknown(test, TestKeys, where, problems);
        var score = Number(test, "score", where, problems) ?? 0;
        var max = Number(test, "max_score", where, problems);
        if (score < 0 || (max is { } most && score > most)) problems.Add($"{where}: score {score} is outside 0 … {max}");
        OneOf(test, "status", ["passed", "failed"], where, problems);
        if (Text(test, "name", where, problems) is "") problems.Add($"{where}: the name is empty");
        if (test.TryGetProperty("name_format", out _)) OneOf(test, "name_format", Formats, where, problems);
        Text(test, "number", where, problems);
        Text(test, "output", where, problems);
        OneOf(test, "output_format", Formats, where, problems);
        if (Kind(test, "tags", JsonValueKind.Array, where, problems) is { } tags && tags.EnumerateArray().Any(tag => tag.ValueKind != JsonValueKind.String))
            problems.Add($"{where}: a tag is not a string");
        OneOf(test, "visibility", Visibilities, where, problems);
        return score;
    }

    private static void Unknown(JsonElement element, string[] known, string where, List<string> problems) =>
        problems.AddRange(element.EnumerateObject().Where(property => !known.Contains(property.Name)).Select(property => $"{where}: unknown key {property.Name}"));

    private static JsonElement? Kind(JsonElement element, string key, JsonValueKind kind, string where, List<string> problems)
    {
        if (!element.TryGetProperty(key, out var value))
        {
            problems.Add($"{where}: {key} is missing");
            return null;
        }
        if (value.ValueKind == kind) return value;
        problems.Add($"{where}: {key} is {value.ValueKind}, not {kind}");
        return null;
    }

    private static double? Number(JsonElement element, string key, string where, List<string> problems) =>
        Kind(element, key, JsonValueKind.Number, where, problems)?.GetDouble();

    private static string? Text(JsonElement element, string key, string where, List<string> problems) =>
        Kind(element, key, JsonValueKind.String, where, problems)?.GetString();

    private static void OneOf(JsonElement element, string key, string[] allowed, string where, List<string> problems)
    {
        if (Text(element, key, where, problems) is { } value && !allowed.Contains(value))
            problems.Add($"{where}: {key} is '{value}', not one of {string.Join(", ", allowed)}");
    }
}
