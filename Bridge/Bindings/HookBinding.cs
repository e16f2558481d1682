using System.Reflection;

namespace ConvSpecs.Bridge;

/// <summary>One [BeforeScenario] or [AfterScenario] method.</summary>
internal sealed record HookBinding(MethodInfo Method, ScenarioHookAttribute Attribute)
{
    public bool AppliesTo(Scenario scenario) =>
        Attribute.Tags.Count == 0 || Attribute.Tags.Any(tag => scenario.Tags.Contains(tag));

    public override string ToString() =>
        $"{Attribute.GetType().Name.Replace("Attribute", "")} hook {Method.ShortName()}";
}
