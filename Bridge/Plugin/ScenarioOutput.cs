namespace ConvSpecs.Bridge;

/// <summary>Where the running scenario's output goes: registered in its container by the driver.</summary>
/// <param name="WriteLine">Receives each line.</param>
internal sealed record ScenarioOutput(Action<string> WriteLine);
