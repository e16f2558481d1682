namespace ConvSpecs.Bridge;

/// <summary>Binds a method to the steps its pattern matches.</summary>
/// <param name="type">The steps the binding accepts.</param>
/// <param name="pattern">A Cucumber Expression, or a .NET regular expression when it starts with <c>^</c>.</param>
public abstract class StepDefinitionBaseAttribute(StepType type, string pattern) : Attribute
{
    /// <summary>The steps the binding accepts (<c>*</c> steps are accepted by every binding).</summary>
    public StepType Type { get; } = type;

    /// <summary>A Cucumber Expression, or a .NET regular expression when it starts with <c>^</c>.</summary>
    public string Pattern { get; } = pattern;
}

/// <summary>Binds a method to Given steps (and the And/But steps that follow them).</summary>
/// <param name="pattern">A Cucumber Expression, or a .NET regular expression when it starts with <c>^</c>.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class GivenAttribute(string pattern) : StepDefinitionBaseAttribute(StepType.Given, pattern);

/// <summary>Binds a method to When steps (and the And/But steps that follow them).</summary>
/// <param name="pattern">A Cucumber Expression, or a .NET regular expression when it starts with <c>^</c>.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class WhenAttribute(string pattern) : StepDefinitionBaseAttribute(StepType.When, pattern);

/// <summary>Binds a method to Then steps (and the And/But steps that follow them).</summary>
/// <param name="pattern">A Cucumber Expression, or a .NET regular expression when it starts with <c>^</c>.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ThenAttribute(string pattern) : StepDefinitionBaseAttribute(StepType.Then, pattern);
