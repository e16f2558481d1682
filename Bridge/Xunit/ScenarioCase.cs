namespace ConvSpecs.Bridge;

/// <summary>One test: a scenario run against one subject.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Subject">What the scenario is run against, shown in brackets after the name; empty for none.</param>
/// <param name="Traits">Traits to add to the test besides Category (its tags) and Feature.</param>
public sealed record ScenarioCase(Scenario Scenario, string Subject, IReadOnlyDictionary<string, string>? Traits = null);
