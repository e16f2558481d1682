namespace ConvSpecs.Bridge;

/// <summary>A step could not be bound: no binding or several match it, or its arguments do not fit the method.</summary>
/// <param name="message">What went wrong, with a snippet or the competing bindings.</param>
/// <param name="innerException">The conversion error, if any.</param>
public sealed class StepBindingException(string message, Exception? innerException = null)
    : Exception(message, innerException);
