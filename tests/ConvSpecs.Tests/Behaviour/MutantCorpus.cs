using System.Reflection;
using System.Text.RegularExpressions;
using ConvSpecs.Bridge;
using ConvSpecs.Drivers;
using ConvSpecs.Models;
using ConvSpecs.Suite;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ConvSpecs.Tests.Behaviour;

/// <summary>
/// The mutants of tests/Mutants/, compiled here with Roslyn as the grader compiles a student (they are no project's
/// compile items), each a submission whose source folder is its own: the specs read its forward from there, as they
/// read a student's from the folder the grader names.
/// </summary>
internal static partial class MutantCorpus
{
    public static readonly string Folder = Path.Combine(RunSettings.RepositoryRoot() ?? throw new InvalidOperationException("No repository above the tests."), "tests", "Mutants");

    private static readonly Lazy<IReadOnlyList<Submission>> Compiled = new(Compile);

    public static Submission Submission(string name) => Compiled.Value.Single(submission => submission.Name == name);

    /// <summary>The rules a mutant's header says it must fail ("// Must fail: …"); empty for "// Must pass: all".</summary>
    public static IReadOnlyList<string> MustFail(string name) =>
        [.. File.ReadLines(Path.Combine(Folder, name, "Model.cs")).Select(line => MustFailLine().Match(line)).Where(match => match.Success).Select(match => match.Groups[1].Value.Trim())];

    /// <summary>Runs one scenario of the features against a mutant.</summary>
    public static ScenarioResult Run(string name, string feature, string scenario) =>
        Specification.Run(Specification.Find(feature, scenario), Submission(name), Grading.Settings);

    /// <summary>The rules of a feature that fail for the mutant, over the scenarios <paramref name="which"/> keeps.</summary>
    public static IReadOnlyList<string> FailedRules(string name, string feature, Func<Scenario, bool>? which = null) =>
        [.. Specification.Suite.Scenarios.Where(scenario => scenario.FeatureName == feature && (which?.Invoke(scenario) ?? true))
            .Where(scenario => !Specification.Run(scenario, Submission(name), Grading.Settings).Passed)
            .Select(scenario => scenario.RuleName!).Distinct()];

    private static IReadOnlyList<Submission> Compile()
    {
        var parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var trees = Directory.EnumerateFiles(Folder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parse, path))
            .Append(CSharpSyntaxTree.ParseText("global using System; global using System.Linq; global using System.Collections.Generic;", parse));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.Ordinal)).Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("ConvSpecs.Mutants", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
            throw new InvalidOperationException("tests/Mutants does not compile:\n" + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        var assembly = Assembly.Load(image.ToArray());
        return [.. SubmissionCatalog.Discover(assembly).Select(submission => submission with { SourceFolder = Path.Combine(Folder, submission.Name) })];
    }

    [GeneratedRegex(@"^//\s*Must fail:\s*(.+)$")]
    private static partial Regex MustFailLine();
}
