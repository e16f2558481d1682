namespace ConvSpecs.Bridge.Tests.Steps;

/// <summary>Two bindings for one step, on purpose; only Features/Broken uses it.</summary>
[Binding]
public sealed class AmbiguousSteps
{
    [When("an ambiguous step runs")]
    public void Exact()
    {
    }

    [When("an ambiguous {word} runs")]
    public void WithWord(string word)
    {
    }
}
