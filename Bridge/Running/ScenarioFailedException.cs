namespace ConvSpecs.Bridge;

/// <summary>A scenario did not pass; the message names its feature, rule, scenario and failing step.</summary>
public sealed class ScenarioFailedException : Exception
{
    /// <summary>Describes the failed run; its error becomes the inner exception.</summary>
    /// <param name="result">The result of the run.</param>
    public ScenarioFailedException(ScenarioResult result)
        : base(Describe(result), result.Error)
    {
        Result = result;
    }

    /// <summary>The result of the run.</summary>
    public ScenarioResult Result { get; }

    private static string Describe(ScenarioResult result)
    {
        var scenario = result.Scenario;
        var lines = new List<string> { $"Feature: {scenario.FeatureName}" };
        if (scenario.RuleName is not null)
            lines.Add($"Rule: {scenario.RuleName}");
        lines.Add($"Scenario: {scenario.Name} ({scenario.Id})");
        lines.Add($"{result.Outcome} at: {result.FailedAt}");
        if (result.Error is not null)
            lines.Add(result.Error.Message);
        return string.Join(Environment.NewLine, lines);
    }
}
