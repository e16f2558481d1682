namespace ConvSpecs.Bridge;

/// <summary>Base of the scenario hooks: lower <see cref="Order"/> runs first; ties run by class name, then declaration order.</summary>
/// <param name="tags">When given, the hook runs only for scenarios carrying one of these tags (with or without @).</param>
public abstract class ScenarioHookAttribute(string[] tags) : Attribute
{
    /// <summary>Lower runs first; 10000 unless set, as in Reqnroll.</summary>
    public int Order { get; set; } = 10000;

    /// <summary>The tags (without @) that select the scenarios the hook runs for; empty means all.</summary>
    public IReadOnlyList<string> Tags { get; } = [.. tags.Select(tag => tag.TrimStart('@'))];
}

/// <summary>Runs the method before the steps of every (selected) scenario; its parameters are injected.</summary>
/// <param name="tags">When given, the hook runs only for scenarios carrying one of these tags.</param>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BeforeScenarioAttribute(params string[] tags) : ScenarioHookAttribute(tags);

/// <summary>
/// Runs the method after the steps of every (selected) scenario, even a failed one
/// (<c>ScenarioContext.TestError</c> says why), before the scenario's objects are disposed.
/// </summary>
/// <param name="tags">When given, the hook runs only for scenarios carrying one of these tags.</param>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AfterScenarioAttribute(params string[] tags) : ScenarioHookAttribute(tags);
