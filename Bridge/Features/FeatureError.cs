namespace ConvSpecs.Bridge;

/// <summary>Why a feature file could not be parsed.</summary>
/// <param name="File">The feature file, relative to the features directory.</param>
/// <param name="Line">The line of the error.</param>
/// <param name="Column">The column of the error.</param>
/// <param name="Message">The parser's message.</param>
public sealed record FeatureError(string File, int Line, int Column, string Message)
{
    /// <summary><c>file:line:column: message</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
