using System.Text.RegularExpressions;

namespace ConvSpecs.Bridge;

/// <summary>A step pattern compiled to a regex: a Cucumber Expression, or a .NET regex when it starts with ^.</summary>
internal sealed class StepPattern
{
    private readonly Regex regex;
    private readonly IReadOnlyList<(string Group, ParameterType? Type)> parameters;

    private StepPattern(string source, Regex regex, IReadOnlyList<(string, ParameterType?)> parameters)
    {
        Source = source;
        this.regex = regex;
        this.parameters = parameters;
    }

    public string Source { get; }

    public int ParameterCount => parameters.Count;

    public static StepPattern Compile(string source, ParameterTypeRegistry types)
    {
        if (!source.StartsWith('^'))
        {
            var (pattern, cucumberTypes) = CucumberExpressionCompiler.Compile(source, types);
            return new StepPattern(source, pattern, [.. cucumberTypes.Select((type, i) => ($"p{i}", (ParameterType?)type))]);
        }

        // A regex binding passes every group, converted by the method's parameter types, as Reqnroll does.
        var regex = new Regex(source.EndsWith('$') ? source : source + "$", RegexOptions.CultureInvariant);
        return new StepPattern(source, regex, [.. regex.GetGroupNumbers().Skip(1).Select(n => (n.ToString(), (ParameterType?)null))]);
    }

    /// <summary>The argument texts (null for a group that did not take part), or null when the text does not match.</summary>
    public IReadOnlyList<CapturedArgument>? Match(string text)
    {
        var match = regex.Match(text);
        if (!match.Success)
            return null;

        return [.. parameters.Select(p => match.Groups[p.Group] is { Success: true } group
            ? new CapturedArgument(p.Type is null ? group.Value : p.Type.Unwrap(group.Value), p.Type)
            : new CapturedArgument(null, p.Type))];
    }
}

/// <summary>One argument's text as the step wrote it, and the parameter type that matched it (null for a regex group).</summary>
internal sealed record CapturedArgument(string? Text, ParameterType? Type);
