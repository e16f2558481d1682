using ConvSpecs.Bridge.Tests.Domain;

namespace ConvSpecs.Bridge.Tests.Support;

/// <summary>The fixture suites, each loaded once: Good runs green, Failing fails on purpose, Broken cannot be bound or parsed.</summary>
public static class Fixtures
{
    private static readonly Lazy<SpecSuite> good = new(() => Load("Good"));
    private static readonly Lazy<SpecSuite> failing = new(() => Load("Failing"));
    private static readonly Lazy<SpecSuite> broken = new(() => Load("Broken"));

    public static SpecSuite Good => good.Value;

    public static SpecSuite Failing => failing.Value;

    public static SpecSuite Broken => broken.Value;

    public static string FeaturesDirectory(string folder) => Path.Combine(AppContext.BaseDirectory, "Features", folder);

    public static SpecSuite Load(string folder) => SpecSuite.Load(FeaturesDirectory(folder), typeof(Fixtures).Assembly);

    public static Scenario Named(this SpecSuite suite, string name) => suite.Scenarios.First(scenario => scenario.Name == name);

    /// <summary>Runs the first scenario of that name with a pocket calculator and the journal, collecting the output.</summary>
    public static (ScenarioResult Result, List<string> Output) Run(this SpecSuite suite, string name, Journal? journal = null)
    {
        var output = new List<string>();
        var result = suite.Run(suite.Named(name), "", [new Brand("pocket"), journal ?? new Journal()], output.Add);
        return (result, output);
    }
}
