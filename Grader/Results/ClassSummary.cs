using System.Globalization;
using System.Text;
using ConvSpecs.Grader.Grading;
using ConvSpecs.Reports;

namespace ConvSpecs.Grader.Results;

/// <summary>The class at a glance: summary.csv (one row per student) and the table printed at the end of a run.</summary>
public static class ClassSummary
{
    public const string CsvHeader = "student,variants,passed,total,score,max_score,time_s,verdict";

    public static string ToCsv(IReadOnlyList<StudentResult> students)
    {
        var csv = new StringBuilder().Append(CsvHeader).Append('\n');
        foreach (var student in students)
            csv.Append(string.Join(',',
                Field(student.Student),
                Field(string.Join(' ', student.Variants)),
                student.Passed.ToString(CultureInfo.InvariantCulture),
                student.Scenarios.Count.ToString(CultureInfo.InvariantCulture),
                GradescopeResults.Score(student).ToString("0.##", CultureInfo.InvariantCulture),
                GradescopeResults.MaxScore(student).ToString("0.##", CultureInfo.InvariantCulture),
                student.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),
                Field(student.Verdict))).Append('\n');
        return csv.ToString();
    }

    /// <summary>
    /// A table that fits one screen: a row per student, the verdict cut to fit 100 columns. Names and verdicts come from
    /// students (a folder's name, a crashing process's last output), so each is cleaned and kept on its line.
    /// </summary>
    public static string ToTable(IReadOnlyList<StudentResult> students, TimeSpan wallTime, string sandbox)
    {
        var width = Math.Clamp(students.Select(student => TerminalText.OneLine(student.Student).Length).DefaultIfEmpty(0).Max(), "student".Length, 24);
        var lines = new List<string>
        {
            $"{"student".PadRight(width)}  variants  passed   score   time  verdict",
            new('-', 100),
        };
        foreach (var student in students)
        {
            var row = string.Create(CultureInfo.InvariantCulture,
                $"{Cut(TerminalText.OneLine(student.Student), width).PadRight(width)}  {Cut(string.Join(",", student.Variants), 8),-8}  {$"{student.Passed}/{student.Scenarios.Count}",6}  " +
                $"{$"{GradescopeResults.Score(student):0.#}/{GradescopeResults.MaxScore(student):0.#}",6}  {student.Duration.TotalSeconds,4:0}s  ");
            lines.Add(row + Cut(TerminalText.OneLine(student.Verdict), Math.Max(20, 100 - row.Length)));
        }
        lines.Add(new('-', 100));
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"{students.Count} students, {students.Count(student => student.Verdict == StudentResult.Graded)} graded without incident, wall time {wallTime.TotalSeconds:0.0} s, sandbox: {sandbox}"));
        return string.Join('\n', lines) + "\n";
    }

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    /// <summary>
    /// A CSV field: on one line with control characters removed (as on the terminal), so every row is one line; a leading
    /// = + - @ or tab prefixed with ', so that a folder named "=HYPERLINK(…)" is not a spreadsheet formula (OWASP's CSV
    /// injection advice; a leading CR is removed with the other control characters); quoted when needed.
    /// </summary>
    public static string Field(string text)
    {
        text = TerminalText.Clean(text).Replace('\n', '␤');
        if (text.Length > 0 && "=+-@\t".Contains(text[0], StringComparison.Ordinal)) text = "'" + text;
        return text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }
}
