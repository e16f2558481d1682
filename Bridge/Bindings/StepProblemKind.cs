namespace ConvSpecs.Bridge;

/// <summary>Why a step cannot run.</summary>
public enum StepProblemKind
{
    /// <summary>No binding matches the step.</summary>
    Undefined,

    /// <summary>More than one binding matches the step.</summary>
    Ambiguous,

    /// <summary>The feature file does not parse.</summary>
    ParseError,
}
