using System.Text.RegularExpressions;
using ConvSpecs.Reports;

namespace ConvSpecs.Grader.Results;

/// <summary>Puts text that may hold anything (a student's exception message, folder name, statistics) into markdown without breaking it.</summary>
public static partial class MarkdownText
{
    /// <summary>
    /// A fenced code block whose fence is longer than any run of backticks in the text, so nothing in it is markdown: no
    /// HTML, no link, no image, no closing fence. Control characters are removed, as for the terminal.
    /// </summary>
    public static string Fenced(string text)
    {
        text = TerminalText.Clean(text);
        var longest = Backticks().Matches(text).Select(match => match.Length).DefaultIfEmpty(0).Max();
        var fence = new string('`', Math.Max(3, longest + 1));
        return $"{fence}text\n{text.ReplaceLineEndings("\n").TrimEnd()}\n{fence}";
    }

    [GeneratedRegex("`+")]
    private static partial Regex Backticks();
}
