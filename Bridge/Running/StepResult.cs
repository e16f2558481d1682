namespace ConvSpecs.Bridge;

/// <summary>How one step of a run ended.</summary>
/// <param name="Step">The step.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Duration">How long its binding ran (zero when it did not run).</param>
/// <param name="Error">Why it did not pass, if it ran or could not be bound.</param>
public sealed record StepResult(ScenarioStep Step, StepOutcome Outcome, TimeSpan Duration, Exception? Error);
