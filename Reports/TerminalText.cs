using System.Text;

namespace ConvSpecs.Reports;

/// <summary>
/// Text for the instructor's terminal (summary.txt, the progress lines, test messages). A student controls its folder's
/// name and what its process prints, and an escape sequence in either would reach the terminal (colours, cursor moves,
/// OSC 8 links, a title change, the clipboard): C0 and C1 control characters other than newline and tab are removed,
/// and so are the bidirectional overrides, which reorder what a line shows.
/// </summary>
public static class TerminalText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
            if (c is '\n' or '\t' || !IsControl(c)) clean.Append(c);
        return clean.ToString();
    }

    /// <summary>Clean, and on one line: a newline shows as ␤ and a tab as a space, so a name with a newline cannot split a row.</summary>
    public static string OneLine(string? text) => Clean(text).Replace('\n', '␤').Replace('\t', ' ');

    /// <summary>C0 (U+0000–U+001F), DEL, C1 (U+0080–U+009F), and the bidirectional marks, embeddings, overrides and isolates.</summary>
    public static bool IsControl(char c) =>
        c < 0x20 || c is >= '\u007F' and <= '\u009F' or '\u200E' or '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
