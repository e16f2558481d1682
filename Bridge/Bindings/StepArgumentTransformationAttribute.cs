namespace ConvSpecs.Bridge;

/// <summary>
/// Marks a method that turns the text of a step argument (its single string parameter) into its return type.
/// With a <see cref="Name"/> it defines the Cucumber parameter type <c>{name}</c>; it is also used for any
/// argument whose target parameter has the method's return type and whose text matches <see cref="Regex"/>.
/// </summary>
/// <param name="regex">The text the parameter type matches.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class StepArgumentTransformationAttribute(string regex) : Attribute
{
    /// <summary>A transformation that accepts any text.</summary>
    public StepArgumentTransformationAttribute() : this(".*")
    {
    }

    /// <summary>The text the parameter type matches.</summary>
    public string Regex { get; } = regex;

    /// <summary>The parameter type's name in step patterns, without braces; none means "by target type only".</summary>
    public string? Name { get; set; }
}
