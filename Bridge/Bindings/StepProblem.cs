namespace ConvSpecs.Bridge;

/// <summary>Something that stops a step from running, found without running it.</summary>
/// <param name="Kind">Undefined, ambiguous, or a feature file that does not parse.</param>
/// <param name="File">The feature file, relative to the features directory.</param>
/// <param name="Line">The step's line (or the parse error's).</param>
/// <param name="Step">The step as written ("Given …"); empty for a parse error.</param>
/// <param name="Message">The reason, with Reqnroll's snippet for an undefined step or the competing bindings for an ambiguous one.</param>
public sealed record StepProblem(StepProblemKind Kind, string File, int Line, string Step, string Message)
{
    /// <summary><c>file:line: message</c>, or the message alone for a problem of a binding rather than of a step.</summary>
    public override string ToString() => File.Length == 0 ? Message : $"{File}:{Line}: {Message}";
}
