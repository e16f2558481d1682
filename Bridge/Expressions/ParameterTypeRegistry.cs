using System.ComponentModel;
using System.Reflection;
using System.Text.RegularExpressions;

namespace ConvSpecs.Bridge;

/// <summary>The built-in Cucumber parameter types plus those defined by [StepArgumentTransformation] methods.</summary>
internal sealed class ParameterTypeRegistry
{
    private readonly List<ParameterType> builtIn =
    [
        new("int", @"[-+]?\d+", "a whole number"),
        new("float", @"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?", "a number, with . as the decimal point"),
        new("word", @"[^\s]+", "one word, without spaces"),
        new("string", @"""(?:[^""\\]|\\.)*""|'(?:[^'\\]|\\.)*'", "text in double or single quotes; the value is the text without them")
        {
            Unwrap = quoted => Regex.Replace(quoted[1..^1], @"\\([""'])", "$1"),
        },
        new("", ".*", "anything"),
    ];

    private readonly List<ParameterType> transformations = [];

    /// <summary>Built-in types in their usual order, then the named custom types by name.</summary>
    public IEnumerable<ParameterType> Named =>
        builtIn.Concat(transformations.Where(t => t.Name.Length > 0).OrderBy(t => t.Name, StringComparer.Ordinal));

    public void AddTransformation(MethodInfo method, StepArgumentTransformationAttribute attribute)
    {
        var name = attribute.Name ?? "";
        if (method.GetParameters() is not [{ ParameterType: var input }] || input != typeof(string) || method.ReturnType == typeof(void))
            throw new InvalidOperationException($"{method.ShortName()}: a [StepArgumentTransformation] takes one string and returns the converted value.");
        if (name.Length > 0 && Find(name) is { } existing)
            throw new InvalidOperationException($"{method.ShortName()}: the parameter type {{{name}}} is already defined{(existing.Transformation is { } other ? " by " + other.ShortName() : " (built in)")}.");

        var meaning = method.GetCustomAttribute<DescriptionAttribute>()?.Description ?? $"converted to {method.ReturnType.Name}";
        transformations.Add(new ParameterType(name, attribute.Regex, meaning) { Transformation = method });
    }

    public ParameterType? Find(string name) =>
        builtIn.FirstOrDefault(t => t.Name == name) ?? transformations.FirstOrDefault(t => t.Name.Length > 0 && t.Name == name);

    /// <summary>The transformation that produces <paramref name="target"/> from text it matches in full.</summary>
    public ParameterType? FindFor(Type target, string text) =>
        transformations.FirstOrDefault(t =>
            t.Transformation!.ReturnType == target && Regex.IsMatch(text, $"^(?:{t.Regex})$", RegexOptions.CultureInvariant));
}
