using System.Globalization;
using System.Text;
using ConvSpecs.Grader.Grading;
using ConvSpecs.Grader.Results;
using ConvSpecs.Reports;

namespace ConvSpecs.Grader.Scale;

/// <summary>The roster's students with their scores, and who could not be matched: nobody is dropped without a line.</summary>
/// <param name="NotInRoster">Graded submissions whose folder no roster row names: not in the CSV (Canvas would refuse the row).</param>
/// <param name="WithoutSubmission">Roster rows no submission folder matches: in the CSV with an empty grade, which Canvas leaves as it is.</param>
public sealed record CanvasGradebook(string Csv, IReadOnlyList<StudentResult> NotInRoster, IReadOnlyList<RosterEntry> WithoutSubmission)
{
    public const string Header = "Student,ID,SIS User ID,SIS Login ID,Section";

    /// <summary>
    /// Canvas's gradebook import: Student, ID, SIS User ID, SIS Login ID, Section, then a column per assignment, a row per
    /// student, in roster order. The score is the student's points (results.json's score). Every field goes through
    /// <see cref="ClassSummary.Field"/>, so a name starting with = + - @ is not a formula in the spreadsheet it is opened in.
    /// </summary>
    public static CanvasGradebook Build(IReadOnlyList<RosterEntry> roster, IReadOnlyList<StudentResult> students, string assignment)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(students);
        var byFolder = students.ToDictionary(student => student.Student, StringComparer.Ordinal);
        var csv = new StringBuilder(Header).Append(',').Append(ClassSummary.Field(assignment)).Append('\n');
        foreach (var entry in roster)
        {
            var score = byFolder.TryGetValue(entry.Folder, out var student) ? GradescopeResults.Score(student).ToString("0.##", CultureInfo.InvariantCulture) : "";
            csv.AppendJoin(',', new[] { entry.Name, entry.Id, entry.SisUserId, entry.SisLoginId, entry.Section }.Select(ClassSummary.Field)).Append(',').Append(score).Append('\n');
        }
        var inRoster = roster.Select(entry => entry.Folder).ToHashSet(StringComparer.Ordinal);
        return new CanvasGradebook(csv.ToString(), [.. students.Where(student => !inRoster.Contains(student.Student))],
            [.. roster.Where(entry => !byFolder.ContainsKey(entry.Folder))]);
    }

    /// <summary>What the instructor must look at by hand, for the console and the notes file; "" when everyone matched.</summary>
    public string Notes()
    {
        var text = new StringBuilder();
        if (NotInRoster.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{NotInRoster.Count} graded submission(s) have no roster row and are not in the Canvas CSV; add them to the roster or enter their grade by hand:\n");
            foreach (var student in NotInRoster)
                text.Append(CultureInfo.InvariantCulture, $"  {TerminalText.OneLine(student.Student)}: {GradescopeResults.Score(student):0.##} / {GradescopeResults.MaxScore(student):0.##} points\n");
        }
        if (WithoutSubmission.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{WithoutSubmission.Count} roster row(s) have no submission folder; their grade in the Canvas CSV is empty:\n");
            foreach (var entry in WithoutSubmission)
                text.Append(CultureInfo.InvariantCulture, $"  {TerminalText.OneLine(entry.Folder)} ({TerminalText.OneLine(entry.Name)}, roster line {entry.Line})\n");
        }
        return text.ToString();
    }
}

/// <summary>--roster FILE --canvas-csv FILE [--canvas-assignment NAME]: where the gradebook CSV goes and what it is built from.</summary>
public sealed record CanvasExport(string? Roster, string? File, string Assignment)
{
    public const string DefaultAssignment = "ConvSpecs";

    /// <summary>The options after one more of them on the command line.</summary>
    public static CanvasExport With(CanvasExport? current, string option, string value)
    {
        var export = current ?? new CanvasExport(null, null, DefaultAssignment);
        return option switch
        {
            "--roster" => export with { Roster = Path.GetFullPath(value) },
            "--canvas-csv" => export with { File = Path.GetFullPath(value) },
            "--canvas-assignment" => export with { Assignment = value },
            _ => throw new ArgumentException($"Unknown option {option}."),
        };
    }

    public void Validate()
    {
        if (Roster is null || File is null)
            throw new ArgumentException("The Canvas export needs both --roster roster.csv (folder,name,id,sis_user_id,sis_login_id,section) and --canvas-csv FILE.");
        // read now, so that a broken roster stops the run before the grading, not after it
        try
        {
            Scale.Roster.Read(Roster);
        }
        catch (InvalidDataException broken)
        {
            throw new ArgumentException(broken.Message, broken);
        }
    }

    /// <summary>
    /// The notes file beside the CSV (grades.csv → grades.notes.txt), always written so an old one does not linger.
    /// </summary>
    public string NotesFile => Path.Combine(Path.GetDirectoryName(File!)!, Path.GetFileNameWithoutExtension(File!) + ".notes.txt");

    /// <summary>Writes the CSV and its notes, prints the notes, and returns the gradebook.</summary>
    public CanvasGradebook Write(IReadOnlyList<StudentResult> students, TextWriter console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var gradebook = CanvasGradebook.Build(Scale.Roster.Read(Roster!), students, Assignment);
        var notes = gradebook.Notes();
        Directory.CreateDirectory(Path.GetDirectoryName(File!)!);
        System.IO.File.WriteAllText(File!, gradebook.Csv);
        System.IO.File.WriteAllText(NotesFile, notes.Length > 0 ? notes : "Every submission and every roster row matched.\n");
        console.WriteLine($"Canvas gradebook: {File} ({students.Count - gradebook.NotInRoster.Count} matched)");
        if (notes.Length > 0) console.Write(notes + $"(also in {NotesFile})\n");
        return gradebook;
    }
}
