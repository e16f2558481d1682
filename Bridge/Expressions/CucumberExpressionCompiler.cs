using System.Text;
using System.Text.RegularExpressions;

namespace ConvSpecs.Bridge;

/// <summary>
/// Compiles a Cucumber Expression to an anchored regex: <c>{type}</c> parameters, <c>(optional text)</c>,
/// <c>a/b</c> alternation within one word, and <c>\</c> escapes.
/// </summary>
internal static class CucumberExpressionCompiler
{
    public static (Regex Regex, IReadOnlyList<ParameterType> Parameters) Compile(string expression, ParameterTypeRegistry types)
    {
        var parameters = new List<ParameterType>();
        var regex = new StringBuilder("^");
        foreach (var (text, isSpace) in SplitTopLevel(expression, char.IsWhiteSpace))
            regex.Append(isSpace ? Regex.Escape(text) : Word(text, types, parameters, expression));

        return (new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant), parameters);
    }

    private static string Word(string word, ParameterTypeRegistry types, List<ParameterType> parameters, string expression)
    {
        var alternatives = SplitTopLevel(word, c => c == '/').Where(part => !part.IsSeparator).Select(part => part.Text).ToList();
        if (alternatives.Count == 1)
            return Atoms(word, types, parameters, expression);
        if (alternatives.Any(a => a.Length == 0))
            throw new FormatException($"An alternative in \"{word}\" is empty in \"{expression}\".");

        // Cucumber allows no parameters inside an alternation, hence no parameter list here.
        return $"(?:{string.Join('|', alternatives.Select(a => Atoms(a, types, null, expression)))})";
    }

    private static string Atoms(string text, ParameterTypeRegistry types, List<ParameterType>? parameters, string expression)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\' when i + 1 < text.Length:
                    regex.Append(Regex.Escape(text[++i].ToString()));
                    break;
                case '{':
                    var close = Closing(text, i, '}', expression);
                    var name = text[(i + 1)..close];
                    if (parameters is null)
                        throw new FormatException($"The parameter {{{name}}} cannot be inside optional text or an alternation in \"{expression}\".");
                    var type = types.Find(name)
                        ?? throw new FormatException($"Undefined parameter type {{{name}}} in \"{expression}\"; define it with [StepArgumentTransformation(regex, Name = \"{name}\")].");
                    regex.Append($"(?<p{parameters.Count}>{type.Regex})");
                    parameters.Add(type);
                    i = close;
                    break;
                case '(':
                    var end = Closing(text, i, ')', expression);
                    regex.Append($"(?:{Atoms(text[(i + 1)..end], types, null, expression)})?");
                    i = end;
                    break;
                default:
                    regex.Append(Regex.Escape(text[i].ToString()));
                    break;
            }
        }

        return regex.ToString();
    }

    private static int Closing(string text, int open, char closing, string expression)
    {
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
                i++;
            else if (text[i] == closing)
                return i;
        }

        throw new FormatException($"'{text[open]}' at {open} has no '{closing}' in \"{expression}\".");
    }

    /// <summary>Splits at separators outside () and {} and not escaped, keeping each separator as its own part.</summary>
    private static List<(string Text, bool IsSeparator)> SplitTopLevel(string text, Func<char, bool> isSeparator)
    {
        var parts = new List<(string, bool)>();
        var current = new StringBuilder();
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                current.Append(c).Append(text[++i]);
                continue;
            }

            depth += c is '(' or '{' ? 1 : c is ')' or '}' ? -1 : 0;
            if (depth == 0 && isSeparator(c))
            {
                parts.Add((current.ToString(), false));
                parts.Add((c.ToString(), true));
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        parts.Add((current.ToString(), false));
        return parts;
    }
}
