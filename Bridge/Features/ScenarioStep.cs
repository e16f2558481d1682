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
    /// <summary>A fresh Reqnroll table of the step's cells (Reqnroll's tables can be changed by a step), or null.</summary>
    internal Reqnroll.DataTable? ToDataTable()
    {
        if (Table is not { Count: > 0 } cells) return null;
        var table = new Reqnroll.DataTable([.. cells[0]]);
        foreach (var row in cells.Skip(1)) table.AddRow([.. row]);
        return table;
    }

    /// <summary>The step as written: keyword and text.</summary>
    public override string ToString() => $"{Keyword} {Text}";
}
