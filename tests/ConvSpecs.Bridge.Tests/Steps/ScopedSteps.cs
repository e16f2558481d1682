namespace ConvSpecs.Bridge.Tests.Steps;

/// <summary>A binding scoped to a tag; only Features/Broken uses it, once under the tag and once without it.</summary>
[Binding]
[Scope(Tag = "lit")]
public sealed class ScopedSteps
{
    [Given("a step bound only in scenarios tagged lit")]
    public void BoundUnderTheTag()
    {
    }
}
