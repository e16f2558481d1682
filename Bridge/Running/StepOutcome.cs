namespace ConvSpecs.Bridge;

/// <summary>How a step, or a whole scenario, ended: Reqnroll's execution status, with ambiguous told apart from other binding errors.</summary>
public enum StepOutcome
{
    /// <summary>It ran without an exception.</summary>
    Passed,

    /// <summary>It threw (for a scenario: a step or hook threw).</summary>
    Failed,

    /// <summary>No binding matches the step.</summary>
    Undefined,

    /// <summary>More than one binding matches the step.</summary>
    Ambiguous,

    /// <summary>The step is pending (it threw Reqnroll's PendingStepException).</summary>
    Pending,

    /// <summary>The step did not run because something before it failed.</summary>
    Skipped,
}
