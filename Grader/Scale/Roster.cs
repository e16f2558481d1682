using System.Text;
using ConvSpecs.Grader.Files;

namespace ConvSpecs.Grader.Scale;

/// <summary>One student of the course as the LMS knows them, and the submission folder that is theirs.</summary>
/// <param name="Line">The roster's line the row starts on, for messages.</param>
public sealed record RosterEntry(string Folder, string Id, string SisUserId, string SisLoginId, string Name, string Section, int Line);

/// <summary>
/// roster.csv: a header row naming the columns, then a row per student. folder and name are required; id, sis_user_id,
/// sis_login_id and section are optional (empty when absent); other columns are ignored, so a Canvas export with a folder
/// column added works. Fields may be quoted as RFC 4180 says; a UTF-8 byte-order mark (Excel's) is skipped.
/// </summary>
public static class Roster
{
    /// <summary>20 000 students at a few hundred bytes a row.</summary>
    public const long MaxBytes = 16L * 1024 * 1024;

    private static readonly string[] Optional = ["id", "sis_user_id", "sis_login_id", "section"];

    public static IReadOnlyList<RosterEntry> Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = UntrustedFile.Read(path, MaxBytes, path);
        }
        catch (UntrustedFileException unreadable)
        {
            throw new InvalidDataException($"The roster cannot be read: {unreadable.Message}", unreadable);
        }
        return Parse(new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF'), path);
    }

    public static IReadOnlyList<RosterEntry> Parse(string text, string shownName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = Csv(text);
        if (rows.Count == 0) throw new InvalidDataException($"{shownName} is empty: it needs a header row (folder,name,id,sis_user_id,sis_login_id,section).");
        var header = rows[0].Cells.Select(cell => cell.Trim().ToLowerInvariant()).ToList();
        int Column(string name) => header.IndexOf(name);
        foreach (var required in new[] { "folder", "name" })
            if (Column(required) < 0) throw new InvalidDataException($"{shownName} has no '{required}' column; its header is: {string.Join(",", header)}.");

        var entries = new List<RosterEntry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, cells) in rows.Skip(1))
        {
            if (cells.All(cell => cell.Trim().Length == 0)) continue;
            string Cell(string name) => Column(name) is var index and >= 0 && index < cells.Count ? cells[index].Trim() : "";
            var folder = Cell("folder");
            if (folder.Length == 0) throw new InvalidDataException($"{shownName}, line {line}: the folder is empty.");
            if (seen.TryGetValue(folder, out var first))
                throw new InvalidDataException($"{shownName}, line {line}: folder '{folder}' is on line {first} already; each submission belongs to one student.");
            seen[folder] = line;
            var optional = Optional.Select(Cell).ToArray();
            entries.Add(new RosterEntry(folder, optional[0], optional[1], optional[2], Cell("name"), optional[3], line));
        }
        return entries;
    }

    /// <summary>RFC 4180: fields separated by commas, quoted when they hold a comma, quote or line break ("" is a quote); each row with its first line.</summary>
    private static List<(int Line, List<string> Cells)> Csv(string text)
    {
        var rows = new List<(int, List<string>)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var (line, rowLine, quoted, i) = (1, 1, false, 0);
        void EndRow()
        {
            cells.Add(cell.ToString());
            cell.Clear();
            rows.Add((rowLine, cells));
            cells = [];
        }
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n') line++;
            if (quoted)
            {
                if (c != '"') cell.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') cell.Append(text[++i]);
                else quoted = false;
            }
            else if (c == '"' && cell.Length == 0) quoted = true;
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue;
                EndRow();
                rowLine = line;
            }
            else cell.Append(c);
        }
        if (quoted) throw new InvalidDataException($"The roster's quoted field starting on line {rowLine} is never closed.");
        if (cell.Length > 0 || cells.Count > 0) EndRow();
        return rows;
    }
}
