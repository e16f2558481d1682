using ConvSpecs.Grader.Grading;
using ConvSpecs.Grader.Scale;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Grader.Tests.Scale;

public sealed class CanvasExportTests
{
    private const string RosterCsv = "\uFEFFfolder,name,id,sis_user_id,sis_login_id,section,email\r\n" +
        "ivanov,\"Ivanov, Ivan\",101,S101,ivanov,CS-1,i@example.org\r\n" +
        "petrova,Petrova Anna,102,S102,petrova,CS-2,\r\n" +
        "absent,\"=HYPERLINK(\"\"http://x\"\")\",103,S103,absent,CS-1,\r\n";

    [Fact]
    public void TheRosterIsReadByItsHeaderWithQuotedFieldsAndExcelsByteOrderMark()
    {
        var roster = Roster.Parse(RosterCsv.TrimStart('\uFEFF'), "roster.csv");

        roster.Should().HaveCount(3);
        roster[0].Should().Be(new RosterEntry("ivanov", "101", "S101", "ivanov", "Ivanov, Ivan", "CS-1", 2));
        roster[2].Name.Should().Be("=HYPERLINK(\"http://x\")");
        roster[2].Line.Should().Be(4);
    }

    [Fact]
    public void TheGradebookHasCanvasColumnsAndEveryRosterRowAndNamesWhoDidNotMatch()
    {
        var roster = Roster.Parse(RosterCsv.TrimStart('\uFEFF'), "roster.csv");
        StudentResult[] students = [Student("ivanov"), Student("petrova"), Student("stranger")];

        var gradebook = CanvasGradebook.Build(roster, students, "Homework 3");

        gradebook.Csv.Split('\n').Should().Equal(
            "Student,ID,SIS User ID,SIS Login ID,Section,Homework 3",
            "\"Ivanov, Ivan\",101,S101,ivanov,CS-1,0",
            "Petrova Anna,102,S102,petrova,CS-2,0",
            // a name that is a formula is neutralised as in summary.csv; the roster row without a submission keeps an empty grade
            "\"'=HYPERLINK(\"\"http://x\"\")\",103,S103,absent,CS-1,",
            "");
        gradebook.NotInRoster.Select(student => student.Student).Should().Equal("stranger");
        gradebook.WithoutSubmission.Select(entry => entry.Folder).Should().Equal("absent");
        gradebook.Notes().Should().Contain("stranger: 0 / 0 points").And.Contain("absent (=HYPERLINK(\"http://x\"), roster line 4)");
    }

    [Fact]
    public void WrittenTheCsvAndItsNotesAreFilesAndTheNotesArePrinted()
    {
        var folder = Path.Combine(Path.GetTempPath(), "convspecs-canvas-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "roster.csv"), RosterCsv);
        var export = new CanvasExport(Path.Combine(folder, "roster.csv"), Path.Combine(folder, "out", "grades.csv"), CanvasExport.DefaultAssignment);
        var console = new StringWriter();

        export.Validate();
        export.Write([Student("ivanov"), Student("stranger")], console);

        File.ReadAllText(Path.Combine(folder, "out", "grades.csv")).Should().StartWith("Student,ID,SIS User ID,SIS Login ID,Section,ConvSpecs\n");
        File.ReadAllText(Path.Combine(folder, "out", "grades.notes.txt")).Should().Contain("stranger").And.Contain("petrova").And.Contain("absent");
        console.ToString().Should().Contain("stranger").And.Contain("grades.notes.txt");
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("name,id\nivanov,1\n", "no 'folder' column")]
    [InlineData("folder,name\nivanov,Ivan\nivanov,Ivan again\n", "line 3: folder 'ivanov' is on line 2 already")]
    [InlineData("folder,name\n,Nobody\n", "line 2: the folder is empty")]
    [InlineData("folder,name\nivanov,\"Ivan\n", "never closed")]
    [InlineData("", "is empty")]
    public void ABrokenRosterIsRefusedWithItsLine(string text, string why)
    {
        var parse = () => Roster.Parse(text, "roster.csv");

        parse.Should().Throw<InvalidDataException>().Which.Message.Should().Contain(why);
    }

    [Fact]
    public void TheExportNeedsBothTheRosterAndTheFileAndIsNotForAShard()
    {
        var onlyFile = () => CanvasExport.With(null, "--canvas-csv", "grades.csv").Validate();
        onlyFile.Should().Throw<ArgumentException>().WithMessage("*--roster*");

        var roster = Path.Combine(Path.GetTempPath(), $"convspecs-roster-{Guid.NewGuid():N}.csv");
        File.WriteAllText(roster, RosterCsv);
        var sharded = () => GradingOptions.Parse([FixtureBatch.Submissions, "--shard", "0/2", "--roster", roster, "--canvas-csv", "grades.csv"]);
        sharded.Should().Throw<ArgumentException>().WithMessage("*merging*");
        File.Delete(roster);
    }

    private static StudentResult Student(string name) => new(name, ["2"], [], [], StudentResult.Graded, TimeSpan.Zero);
}
