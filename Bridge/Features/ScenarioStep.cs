namespace ConvSpecs.Bridge;

/// <summary>One step of a pickle.</summary>
/// <param name="Keyword">The keyword as written, trimmed: Given, And, *, Дано….</param>
/// <param name="Type">Given/When/Then; And and But take the type of the step before them, * is Unknown.</param>
/// <param name="Text">The text after the keyword; outline placeholders are filled in.</param>
/// <param name="File">The feature file, relative to the features directory.</param>
/// <param name="Line">The step's line (in the outline or Background it comes from).</param>
/// <param name="DataTable">The step's data table, if any.</param>
/// <param name="DocString">The step's doc string, if any.</param>
public sealed record ScenarioStep(
    string Keyword,
    StepType Type,
    string Text,
    string File,
    int Line,
    DataTable? DataTable,
    string? DocString)
{
    /// <summary>The step as written: keyword and text.</summary>
    public override string ToString() => $"{Keyword} {Text}";
}
