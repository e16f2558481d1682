using System.Text.RegularExpressions;

namespace ConvSpecs.Grader.Results;

/// <summary>Puts text that may hold anything (a student's exception message) into markdown without breaking it.</summary>
public static partial class MarkdownText
{
    /// <summary>A fenced block whose fence is longer than any run of backticks in the text.</summary>
    public static string Fenced(string text)
    {
        var longest = Backticks().Matches(text).Select(match => match.Length).DefaultIfEmpty(0).Max();
        var fence = new string('`', Math.Max(3, longest + 1));
        return $"{fence}text\n{text.ReplaceLineEndings("\n").TrimEnd()}\n{fence}";
    }

    [GeneratedRegex("`+")]
    private static partial Regex Backticks();
}
