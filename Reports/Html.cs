using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace ConvSpecs.Reports;

/// <summary>Small HTML helpers; every text goes through <see cref="Text"/>, since much of it comes from students.</summary>
public static class Html
{
    /// <summary>Text for an element or an attribute value in quotes: &lt; &gt; &amp; " ' encoded, control characters removed.</summary>
    public static string Text(string? text) => WebUtility.HtmlEncode(TerminalText.Clean(text));

    /// <summary>
    /// An id usable in a fragment link (#student-ivan-petrov-3f2a9c1e): the kind, a readable slug of the parts (ASCII letters,
    /// digits, '-' and '_' only, cut to 40 characters), and the first 8 hex digits of the SHA-256 of the parts, so two students
    /// whose names slug alike still get their own ids. Nothing of a name reaches the id's characters unchecked.
    /// </summary>
    public static string Id(string kind, params string[] parts)
    {
        var slug = new StringBuilder();
        foreach (var c in string.Join('-', parts))
            if (slug.Length < 40) slug.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', parts.Prepend(kind))));
        return $"{kind}-{slug}-{Convert.ToHexStringLower(hash)[..8]}";
    }

    public static string Png(byte[] png, string name) =>
        $"<figure><img alt=\"{Text(name)}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\"><figcaption>{Text(name)}</figcaption></figure>";

    /// <summary>A markdown pipe table as an HTML table (the separator row dropped).</summary>
    public static string Table(string markdown)
    {
        var rows = markdown.ReplaceLineEndings("\n").Split('\n')
            .Where(line => line.TrimStart().StartsWith('|'))
            .Select(line => line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray())
            .Where(cells => !cells.All(cell => cell.Length > 0 && cell.Trim(':', '-').Length == 0))
            .ToList();
        if (rows.Count == 0) return "";
        var html = new StringBuilder("<table><thead><tr>");
        foreach (var cell in rows[0]) html.Append("<th>").Append(Text(cell.Replace("**", "", StringComparison.Ordinal))).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in rows.Skip(1))
        {
            html.Append("<tr>");
            foreach (var cell in row) html.Append("<td>").Append(Text(cell.Replace("**", "", StringComparison.Ordinal))).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    public const string Style = """
        body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1em 2em;color:#1b1b1b}
        h1{margin-bottom:.2em} h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em} h3{margin:1.2em 0 .3em}
        table{border-collapse:collapse;margin:.5em 0} th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}
        th{background:#f3f3f3} td.num{text-align:right}
        .passed{color:#1a7f37} .failed{color:#cf222e} .interrupted{color:#9a6700} .notrun{color:#6e7781}
        .chip{display:inline-block;border-radius:1em;padding:0 .6em;margin:.1em;font-size:90%;border:1px solid currentColor}
        .scenario{border-left:4px solid #ddd;padding:.3em .9em;margin:.8em 0}
        .scenario.passed{border-color:#1a7f37} .scenario.failed{border-color:#cf222e} .scenario.interrupted{border-color:#9a6700} .scenario.notrun{border-color:#aaa}
        .scenario>*{color:#1b1b1b} pre{background:#f6f8fa;padding:.6em;overflow-x:auto;white-space:pre-wrap}
        .steps{list-style:none;padding-left:.5em;margin:.3em 0} .tags{color:#6e7781;font-size:90%}
        figure{display:inline-block;margin:.5em} figure img{max-width:480px;border:1px solid #ddd}
        .description{white-space:pre-wrap;color:#333}
        """;
}
