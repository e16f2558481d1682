using ConvSpecs.Bridge.Tests.Support;

namespace ConvSpecs.Bridge.Tests.Steps;

/// <summary>Writes every hook to the journal, for @lifecycle scenarios only.</summary>
[Binding]
public sealed class LifecycleHooks(Journal journal, ScenarioContext context)
{
    [BeforeScenario("lifecycle")]
    public void BeforeByDefault() => journal.Add("before default");

    [BeforeScenario("@lifecycle", Order = 1)]
    public void BeforeFirst() => journal.Add($"before 1: {context.ScenarioInfo.Title}");

    [BeforeScenario("lifecycle", Order = 2)]
    public static void PrepareWorkbench(Workbench workbench, Journal journal) => journal.Add("before 2");

    [BeforeScenario("explode-before", Order = 5)]
    public static void Explode() => throw new InvalidOperationException("the hook exploded");

    [AfterScenario("lifecycle")]
    public void AfterByDefault() => journal.Add("after default");

    [AfterScenario("lifecycle", Order = 1)]
    public void AfterFirst() => journal.Add($"after 1: {context.TestError?.Message ?? "no error"}");
}
