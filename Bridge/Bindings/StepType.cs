namespace ConvSpecs.Bridge;

/// <summary>What a step binding declares and what a pickle step resolves to; And/But take the type of the step before them.</summary>
public enum StepType
{
    /// <summary>A <c>*</c> step: it matches bindings of every type.</summary>
    Unknown,

    /// <summary>Context: a Given step.</summary>
    Given,

    /// <summary>Action: a When step.</summary>
    When,

    /// <summary>Outcome: a Then step.</summary>
    Then,
}
