namespace ConvSpecs.Bridge;

/// <summary>Thrown by a step that is written down but not implemented yet; its scenario ends as pending.</summary>
/// <param name="message">Why the step is pending.</param>
public sealed class PendingStepException(string message = "The step is not implemented yet.") : Exception(message);
