namespace ConvSpecs.Bridge;

/// <summary>How a run of one scenario ended.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Outcome">Passed, or how the first failing step ended (Failed for a failing hook or disposal).</param>
/// <param name="Steps">Every step's result, in order.</param>
/// <param name="Error">The first error, if any.</param>
/// <param name="FailedAt">Where the first error happened: the step (with file:line), the hook, or the disposal.</param>
/// <param name="Duration">The whole run, hooks and disposal included.</param>
public sealed record ScenarioResult(
    Scenario Scenario,
    StepOutcome Outcome,
    IReadOnlyList<StepResult> Steps,
    Exception? Error,
    string? FailedAt,
    TimeSpan Duration)
{
    /// <summary>Whether every hook and step ran without an error.</summary>
    public bool Passed => Outcome == StepOutcome.Passed;

    /// <summary>The step that failed, or null when the scenario passed or a hook failed.</summary>
    public StepResult? FailedStep => Steps.FirstOrDefault(step => step.Error is not null);

    /// <summary>Throws a <see cref="ScenarioFailedException"/> that names the feature, rule, scenario and failing step.</summary>
    /// <exception cref="ScenarioFailedException">The scenario did not pass.</exception>
    public void ThrowIfFailed()
    {
        if (!Passed)
            throw new ScenarioFailedException(this);
    }
}
