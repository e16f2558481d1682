using ConvSpecs.Bridge.Tests.Support;

namespace ConvSpecs.Bridge.Tests.Steps;

/// <summary>Hooks that throw, for the scenarios tagged with them in Features/Failing only.</summary>
[Binding]
public sealed class FailingHookSteps(Fuse fuse)
{
    [Given("a fuse that blows when it is disposed")]
    public void UseFuse() => GC.KeepAlive(fuse);

    [AfterStep("after-step-fails")]
    public static void AfterStep() => throw new InvalidOperationException("the after-step hook failed");

    [BeforeFeature("before-feature-fails")]
    public static void BeforeFeature() => throw new InvalidOperationException("the before-feature hook failed");
}
