using System.Reflection;
using ConvSpecs.Grader.Compiling;

namespace ConvSpecs.Grader.Check;

/// <summary>
/// A student's folder compiled for a check: the whole folder when it compiles; otherwise the largest part that
/// compiles without the broken files (and the files that need them), so the other variants are still checked.
/// </summary>
/// <param name="Assembly">The freshly compiled models, or null when no part of the folder compiles.</param>
/// <param name="Errors">The whole folder's compile errors (the ones to fix), with other compiler lines.</param>
/// <param name="Variants">The variants the compiled part declares.</param>
/// <param name="NotCompiled">The variants declared only in files left out.</param>
/// <param name="LeftOut">The files left out: broken, or needing a broken one.</param>
public sealed record CheckedBuild(Assembly? Assembly, IReadOnlyList<string> Errors, IReadOnlyList<string> Variants,
    IReadOnlyList<string> NotCompiled, IReadOnlyList<string> LeftOut)
{
    /// <summary>Compiles with the grader's <see cref="SubmissionCompiler"/> into <paramref name="workDirectory"/>, then loads the result.</summary>
    public static CheckedBuild Compile(string student, string folder, string workDirectory)
    {
        Directory.CreateDirectory(workDirectory);
        var whole = SubmissionCompiler.Compile(student, folder, Path.Combine(workDirectory, "Submission.dll"));
        if (whole.Compiles) return new CheckedBuild(Load(whole.AssemblyPath!), [], whole.Variants, [], []);

        var files = Sources(folder);
        var leftOut = new SortedSet<string>(StringComparer.Ordinal);
        var errors = whole.Errors;
        while (true)
        {
            var broken = errors.Select(CompileError.Parse).OfType<CompileError>().Select(error => error.File)
                .Where(file => files.Contains(file) && !leftOut.Contains(file)).ToList();
            leftOut.UnionWith(broken);
            var rest = files.Except(leftOut).Order(StringComparer.Ordinal).ToList();
            // No broken file to leave out (an error outside the student's files), or nothing left: no part compiles.
            if (broken.Count == 0 || rest.Count == 0) return new CheckedBuild(null, whole.Errors, [], whole.Variants, [.. files.Order(StringComparer.Ordinal)]);

            var part = CompilePart(student, folder, rest, workDirectory);
            if (part.Compiles)
                return new CheckedBuild(Load(part.AssemblyPath!), whole.Errors, part.Variants, [.. whole.Variants.Except(part.Variants)], [.. leftOut]);
            errors = part.Errors;
        }
    }

    private static CompiledSubmission CompilePart(string student, string folder, IEnumerable<string> files, string workDirectory)
    {
        var partFolder = Path.Combine(workDirectory, "part");
        if (Directory.Exists(partFolder)) Directory.Delete(partFolder, recursive: true);
        foreach (var file in files)
        {
            var copy = Path.Combine(partFolder, file);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(Path.Combine(folder, file), copy);
        }
        try
        {
            return SubmissionCompiler.Compile(student, partFolder, Path.Combine(workDirectory, "Part.dll"));
        }
        finally
        {
            Directory.Delete(partFolder, recursive: true);
        }
    }

    // Relative paths with '/', as the compiler names files in its errors.
    private static HashSet<string> Sources(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !SubmissionFolders.InBuildOutput(folder, path))
            .Select(path => Path.GetRelativePath(folder, path).Replace('\\', '/'))];

    // From bytes: every check (each save in watch mode) gets its own copy of the models, never the one built
    // into ConvSpecs.dll from Models/ (a namesake type in another assembly) nor a stale earlier load.
    private static Assembly Load(string path) => Assembly.Load(File.ReadAllBytes(path));
}
