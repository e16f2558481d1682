namespace ConvSpecs.Bridge;

/// <summary>One pickle: a scenario, or one Examples row of a scenario outline, with its Background steps.</summary>
/// <param name="FeatureName">The name of the feature.</param>
/// <param name="FeatureDescription">The free text under the Feature line, lines trimmed.</param>
/// <param name="RuleName">The name of the enclosing Rule (the requirement), or null.</param>
/// <param name="Name">The pickle's name; outline placeholders are filled in.</param>
/// <param name="Tags">Tags without @, including those inherited from the feature, rule and examples.</param>
/// <param name="Steps">Every step to run, Background first.</param>
/// <param name="File">The feature file, relative to the features directory, with / separators.</param>
/// <param name="Line">The line of the Scenario, or of the Examples row for an outline.</param>
public sealed record Scenario(
    string FeatureName,
    string FeatureDescription,
    string? RuleName,
    string Name,
    IReadOnlyList<string> Tags,
    IReadOnlyList<ScenarioStep> Steps,
    string File,
    int Line)
{
    /// <summary><c>relative/path.feature:line</c>: the same for every discovery of the same source.</summary>
    public string Id => $"{File}:{Line}";

    /// <summary>The parsed file, which gives Reqnroll its FeatureInfo and Cucumber messages.</summary>
    internal FeatureFile Feature { get; init; } = null!;

    /// <summary>What Reqnroll's ScenarioInfo and RuleInfo are made of, as the generator would write them.</summary>
    internal PickleOrigin Origin { get; init; } = null!;

    /// <inheritdoc/>
    public override string ToString() => $"{Id} {Name}";
}
