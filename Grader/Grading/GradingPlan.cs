using ConvSpecs.Bridge;
using ConvSpecs.Grader.Files;
using ConvSpecs.Suite;

namespace ConvSpecs.Grader.Grading;

/// <summary>The students of a submissions folder, by their real path, and each one's folder.</summary>
public sealed record StudentFolders(string Root, IReadOnlyList<(string Student, string Folder)> Students);

/// <summary>Who is graded (every sub-folder of the submissions folder) and on what (the scenarios of each variant the student attempts).</summary>
public static class GradingPlan
{
    /// <summary>
    /// Every sub-folder is one student, in ordinal order, a name starting with '.' included (skipping it would drop a student
    /// without a row anywhere). An entry that is a symbolic link to a folder is a student too, so that its verdict says the
    /// link is refused; files and anything else are not students. The folder itself may be given through a link.
    /// </summary>
    public static StudentFolders Students(string submissions)
    {
        var root = UntrustedFile.RealPath(submissions);
        var students = Directory.EnumerateFileSystemEntries(root)
            .Where(path => UntrustedFile.Inspect(path).Kind switch
            {
                FileKind.Directory => true,
                FileKind.SymbolicLink => Directory.Exists(path),
                _ => false,
            })
            .Select(path => (Student: Path.GetFileName(path), Folder: path))
            .OrderBy(student => student.Student, StringComparer.Ordinal)
            .ToList();
        return new StudentFolders(root, students);
    }

    /// <summary>Each scenario with its number in the results ("2.3": variant 2's third scenario).</summary>
    public static IReadOnlyList<(string Number, Scenario Scenario)> For(IReadOnlyList<string> variants, string? onlyVariant) =>
        [.. Specification.Suite.Scenarios
            .Select(scenario => (Scenario: scenario, Variant: Specification.VariantOf(scenario)))
            .Where(item => item.Variant is { } variant && variants.Contains(variant) && (onlyVariant is null || onlyVariant == variant)
                           && !item.Scenario.Tags.Contains("ignore"))
            .GroupBy(item => item.Variant!)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .SelectMany(group => group.Select((item, position) => ($"{group.Key}.{position + 1}", item.Scenario)))];
}
