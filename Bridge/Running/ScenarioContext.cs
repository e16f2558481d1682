namespace ConvSpecs.Bridge;

/// <summary>The running scenario, injectable into every binding class and hook.</summary>
public sealed class ScenarioContext
{
    private readonly Action<string> output;

    internal ScenarioContext(Scenario scenario, Action<string> output)
    {
        ScenarioInfo = scenario;
        this.output = output;
    }

    /// <summary>The scenario: feature name and description, rule, name, tags (inherited ones included), file and line.</summary>
    public Scenario ScenarioInfo { get; }

    /// <summary>Why the scenario failed, once a hook or step has failed; AfterScenario hooks read it.</summary>
    public Exception? TestError { get; internal set; }

    /// <summary>Writes a line to the scenario's output.</summary>
    /// <param name="message">The line.</param>
    public void WriteLine(string message) => output(message);
}
