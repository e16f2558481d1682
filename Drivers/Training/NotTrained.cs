namespace ConvSpecs.Drivers.Training;

/// <summary>
/// An experiment that did not train: its models fail rules that need no training (a shape, a layer count), found in a
/// two-sample forward pass; training them would take minutes and measure the wrong network.
/// </summary>
public sealed class NotTrained(string message) : Exception(message);
