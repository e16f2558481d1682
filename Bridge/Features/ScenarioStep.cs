using Io.Cucumber.Messages.Types;

namespace ConvSpecs.Bridge;

/// <summary>One step of a pickle.</summary>
/// <param name="Keyword">The keyword as written, trimmed: Given, And, *, Дано….</param>
/// <param name="KeywordType">What the keyword is: context (Given), action (When), outcome (Then), conjunction (And, But) or unknown (*).</param>
/// <param name="Text">The text after the keyword; outline placeholders are filled in.</param>
/// <param name="File">The feature file, relative to the features directory.</param>
/// <param name="Line">The step's line (in the outline or Background it comes from).</param>
/// <param name="Table">The step's data table, header row first, if any.</param>
/// <param name="DocString">The step's doc string, if any.</param>
public sealed record ScenarioStep(
    string Keyword,
    StepKeywordType KeywordType,
    string Text,
    string File,
    int Line,
    IReadOnlyList<IReadOnlyList<string>>? Table,
    string? DocString)
{
    /// <summary>The step as written: keyword and text.</summary>
    public override string ToString() => $"{Keyword} {Text}";
}
