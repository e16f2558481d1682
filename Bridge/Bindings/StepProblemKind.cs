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

    /// <summary>Reqnroll refused a binding (an unknown parameter type, a bad regex); steps it would match cannot run.</summary>
    InvalidBinding,
}
