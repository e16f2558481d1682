using System.ComponentModel;
using System.Text;
using System.Text.RegularExpressions;
using CucumberExpressions;
using Reqnroll.Bindings;
using Reqnroll.Bindings.CucumberExpressions;

namespace ConvSpecs.Bridge;

/// <summary>The vocabulary of a suite as markdown, read from Reqnroll's binding registry: parameter types, then steps by binding class.</summary>
public static partial class Glossary
{
    // Cucumber's built-in types the features may use; their regexes come from Reqnroll's registry, the sentences from here.
    private static readonly Dictionary<string, string> BuiltIn = new(StringComparer.Ordinal)
    {
        ["int"] = "a whole number",
        ["float"] = "a number, with the decimal point of the feature's language (. in English)",
        ["word"] = "one word, without spaces",
        ["string"] = "text in double or single quotes; the value is the text without them",
        [""] = "anything",
    };

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
        var bindings = suite.Bindings;
        var markdown = new StringBuilder();
        void Line(string text = "") => markdown.Append(text).Append('\n');

        Line("# Glossary");
        Line();
        Line("## Parameter types");
        Line();
        Line("| Parameter | Regex | Meaning |");
        Line("|---|---|---|");
        var types = new CucumberExpressionParameterTypeRegistry(bindings.Registry);
        foreach (var name in BuiltIn.Keys.Where(name => bindings.StepDefinitions.Any(step => step.SourceExpression.Contains($"{{{name}}}", StringComparison.Ordinal))))
            Line($"| `{{{name}}}` | {Regex(name, types)} | {Cell(BuiltIn[name])} |");
        foreach (var transformation in bindings.Transformations.Where(t => !string.IsNullOrEmpty(t.Name)).OrderBy(t => t.Name, StringComparer.Ordinal))
            Line($"| `{{{transformation.Name}}}` | `{Cell(transformation.Regex?.ToString().Trim('^', '$') ?? "")}` | {Cell(Meaning(transformation))} |");

        var steps = suite.Scenarios.SelectMany(scenario => BindingCatalog.Typed(scenario).Select(typed => (Scenario: scenario, typed.Step, typed.Type))).ToList();
        foreach (var group in bindings.StepDefinitions.GroupBy(binding => BindingCatalog.Method(binding).DeclaringType!).OrderBy(group => group.Key.FullName, StringComparer.Ordinal))
        {
            Line();
            Line($"## {Heading(group.Key)}");
            Line();
            if (Attribute.GetCustomAttribute(group.Key, typeof(DescriptionAttribute)) is DescriptionAttribute description)
            {
                Line(description.Description);
                Line();
            }

            Line("| Step | Meaning | Example |");
            Line("|---|---|---|");
            foreach (var binding in group.OrderBy(binding => binding.StepDefinitionType).ThenBy(binding => binding.SourceExpression, StringComparer.Ordinal))
            {
                var example = steps.FirstOrDefault(item => item.Type == binding.StepDefinitionType && bindings.Matches(binding, item.Scenario, item.Step, item.Type));
                var usage = example.Step is null ? "not used in any feature" : $"`{Cell(example.Step.ToString())}` ({example.Step.File}:{example.Step.Line})";
                Line($"| {binding.StepDefinitionType} `{Cell(binding.SourceExpression)}` | {Cell(Meaning(binding))} | {usage} |");
            }
        }

        return markdown.ToString();
    }

    // Reqnroll matches {string} by its own quote handling; the registry's regex for it is a placeholder
    private static string Regex(string name, CucumberExpressionParameterTypeRegistry types) => name == "string"
        ? "`\"…\"` or `'…'`"
        : $"`{Cell(string.Join(" or ", types.LookupByTypeName(name).RegexStrings))}`";

    private static string Meaning(IBinding binding) =>
        Attribute.GetCustomAttribute(BindingCatalog.Method(binding), typeof(DescriptionAttribute)) is DescriptionAttribute description ? description.Description : "";

    private static string Heading(Type bindingClass)
    {
        var words = WordBoundary().Split(ClassSuffix().Replace(bindingClass.Name, ""));
        return string.Join(' ', words.Select((word, i) => i == 0 || word.All(char.IsUpper) ? word : word.ToLowerInvariant()));
    }

    private static string Cell(string text) => text.Replace("|", "\\|").Replace('\n', ' ');
}
