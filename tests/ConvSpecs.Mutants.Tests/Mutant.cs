using System.Reflection;
using ConvSpecs.Grader.Compiling;
using ConvSpecs.Models;

namespace ConvSpecs.Mutants.Tests;

/// <summary>
/// One model of the corpus: a folder <c>tests/Mutants/&lt;Name&gt;/Model.cs</c> whose header says what was changed and
/// what the specs must make of it: <c>// Mutant: …</c>, then <c>// Must fail: &lt;Rule title&gt;</c> lines, or <c>// Must pass: all</c>.
/// </summary>
/// <param name="Name">The folder's name; also the last part of the mutant's namespace.</param>
/// <param name="Description">The sentence after <c>// Mutant:</c>.</param>
/// <param name="MustFail">The rules this mutant must fail, titled exactly as after <c>Rule:</c>.</param>
/// <param name="MustPassAll">A correct model: it must pass every rule of its variants.</param>
/// <param name="Submission">Its models, or null when it did not compile or load.</param>
/// <param name="Problem">Why it could not be run (a bad header, compiler errors), or null.</param>
public sealed record Mutant(string Name, string Description, IReadOnlyList<string> MustFail, bool MustPassAll, Submission? Submission, string? Problem)
{
    public const string FileName = "Model.cs";

    /// <summary>The reference solution as the default run sees it: it must pass everything.</summary>
    public static Mutant Reference() => new("Reference", "the reference solution (Models/Reference)", [], true,
        SubmissionCatalog.Discover(typeof(Suite.Specification).Assembly).Single(submission => submission.Name == "Reference"), null);

    /// <summary>Every folder of <paramref name="corpus"/> with a Model.cs, each compiled on its own so one broken mutant stops nothing else.</summary>
    public static IReadOnlyList<Mutant> LoadAll(string corpus, string scratch) =>
        [.. Directory.EnumerateDirectories(corpus).Where(folder => File.Exists(Path.Combine(folder, FileName)))
            .Order(StringComparer.Ordinal).Select(folder => Load(folder, scratch))];

    public static Mutant Load(string folder, string scratch)
    {
        var name = Path.GetFileName(folder);
        var (description, mustFail, mustPassAll, headerProblem) = ReadHeader(File.ReadLines(Path.Combine(folder, FileName)));
        if (headerProblem is not null)
            return new Mutant(name, description, mustFail, mustPassAll, null, $"{name}/{FileName}: {headerProblem}");

        var compiled = SubmissionCompiler.Compile(name, folder, Path.Combine(scratch, $"{name}.dll"));
        if (!compiled.Compiles)
            return new Mutant(name, description, mustFail, mustPassAll, null, $"{name} does not compile: {string.Join("; ", compiled.Errors)}");
        var models = SubmissionCatalog.Discover(Assembly.LoadFrom(compiled.AssemblyPath!)).SelectMany(submission => submission.Models).ToList();
        return models.Count == 0
            ? new Mutant(name, description, mustFail, mustPassAll, null, $"{name} has no [Variant] or [PoolingTask] model.")
            : new Mutant(name, description, mustFail, mustPassAll, new Submission(name, models) { SourceFolder = folder }, null);
    }

    // The header is the comment lines at the top of Model.cs; "Must fail" may repeat, one rule a line.
    private static (string Description, List<string> MustFail, bool MustPassAll, string? Problem) ReadHeader(IEnumerable<string> lines)
    {
        var header = lines.Select(line => line.Trim()).TakeWhile(line => line.StartsWith("//", StringComparison.Ordinal))
            .Select(line => line[2..].Trim()).ToList();
        var description = Values(header, "Mutant:").FirstOrDefault() ?? "";
        var mustFail = Values(header, "Must fail:").ToList();
        var mustPass = Values(header, "Must pass:").ToList();
        string? problem = null;
        if (description.Length == 0) problem = "the first lines must say \"// Mutant: <what was changed>\".";
        else if (mustPass.Count > 0 && (mustPass is not ["all"] || mustFail.Count > 0))
            problem = "\"// Must pass: all\" stands alone: a correct model has no \"// Must fail\" line.";
        else if (mustPass.Count == 0 && mustFail.Count == 0)
            problem = "the header needs \"// Must fail: <Rule title>\" lines, or \"// Must pass: all\".";
        return (description, mustFail, mustPass.Count > 0, problem);
    }

    private static IEnumerable<string> Values(List<string> header, string key) =>
        header.Where(line => line.StartsWith(key, StringComparison.Ordinal)).Select(line => line[key.Length..].Trim());
}
