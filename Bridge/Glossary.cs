using System.ComponentModel;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace ConvSpecs.Bridge;

/// <summary>The vocabulary of a suite as markdown: its parameter types, then its steps grouped by binding class.</summary>
public static partial class Glossary
{
    [GeneratedRegex("(Step|Steps|StepDefinitions|Bindings)$")]
    private static partial Regex ClassSuffix();

    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")]
    private static partial Regex WordBoundary();

    /// <summary>
    /// Renders the glossary: the same suite always gives the same text (\n line ends), so a test can compare it
    /// with a committed file. Each step shows the first step of the features it matches, with file:line.
    /// </summary>
    /// <param name="suite">The loaded suite.</param>
    public static string ToMarkdown(SpecSuite suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var markdown = new StringBuilder();
        void Line(string text = "") => markdown.Append(text).Append('\n');

        Line("# Glossary");
        Line();
        Line("## Parameter types");
        Line();
        Line("| Parameter | Regex | Meaning |");
        Line("|---|---|---|");
        foreach (var type in suite.Bindings.ParameterTypes.Named)
            Line($"| `{{{type.Name}}}` | `{Cell(type.Regex)}` | {Cell(type.Meaning)} |");

        var steps = suite.Scenarios.SelectMany(scenario => scenario.Steps).ToList();
        foreach (var group in suite.Bindings.Steps.GroupBy(binding => binding.Method.DeclaringType!).OrderBy(group => group.Key.FullName, StringComparer.Ordinal))
        {
            Line();
            Line($"## {Heading(group.Key)}");
            Line();
            if (group.Key.GetCustomAttribute<DescriptionAttribute>() is { } description)
            {
                Line(description.Description);
                Line();
            }

            Line("| Step | Meaning | Example |");
            Line("|---|---|---|");
            foreach (var binding in group.OrderBy(binding => binding.Type).ThenBy(binding => binding.Pattern.Source, StringComparer.Ordinal))
            {
                var example = steps.FirstOrDefault(step => binding.Match(step) is not null);
                var usage = example is null ? "not used in any feature" : $"`{Cell(example.ToString())}` ({example.File}:{example.Line})";
                Line($"| {binding.Type} `{Cell(binding.Pattern.Source)}` | {Cell(binding.Meaning)} | {usage} |");
            }
        }

        return markdown.ToString();
    }

    private static string Heading(Type bindingClass)
    {
        var words = WordBoundary().Split(ClassSuffix().Replace(bindingClass.Name, ""));
        return string.Join(' ', words.Select((word, i) => i == 0 || word.All(char.IsUpper) ? word : word.ToLowerInvariant()));
    }

    private static string Cell(string text) => text.Replace("|", "\\|").Replace('\n', ' ');
}
