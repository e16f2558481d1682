using System.Reflection;

namespace ConvSpecs.Bridge;

/// <summary>A Cucumber parameter type such as <c>{int}</c>, or one defined by a [StepArgumentTransformation].</summary>
internal sealed record ParameterType(string Name, string Regex, string Meaning)
{
    /// <summary>The [StepArgumentTransformation] method; null for the built-in types, converted by target type.</summary>
    public MethodInfo? Transformation { get; init; }

    /// <summary>Turns the matched text into the argument text, e.g. strips the quotes of a {string}.</summary>
    public Func<string, string> Unwrap { get; init; } = text => text;
}
