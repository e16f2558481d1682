using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ConvSpecs.Grader.Check;

/// <summary>
/// What the check notes in a student's sources before running anything (syntax only): a namespace that
/// would make dotnet test see another submission, and a layer called with .forward where .call is meant.
/// </summary>
public static partial class SourceNotes
{
    private const string ModelsNamespace = "ConvSpecs.Models";

    /// <summary>"Net.cs:4: …" notes; <paramref name="namespaceMatters"/> is false for a hand-in folder, whose folder names the student.</summary>
    public static IReadOnlyList<string> For(string student, string folder, bool namespaceMatters)
    {
        var notes = new List<string>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                     .Where(path => !SubmissionFolders.InBuildOutput(folder, path)).Order(StringComparer.Ordinal))
        {
            var file = Path.GetRelativePath(folder, path);
            var text = File.ReadAllText(path);
            if (namespaceMatters) notes.AddRange(NamespaceNotes(student, file, CSharpSyntaxTree.ParseText(text)));
            notes.AddRange(ForwardCalls(file, text));
        }
        return notes;
    }

    private static IEnumerable<string> NamespaceNotes(string student, string file, SyntaxTree tree)
    {
        var expected = $"{ModelsNamespace}.{student}";
        var root = tree.GetCompilationUnitRoot();
        var fix = $"write `namespace {expected};` (the last part names your submission and must be your folder's name)";
        if (root.Members.OfType<BaseTypeDeclarationSyntax>().Any())
            yield return $"{file}: its types are outside any namespace, so they belong to no submission; {fix}.";
        foreach (var declaration in root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>()
                     .Where(declaration => declaration.Parent is CompilationUnitSyntax))
        {
            var name = declaration.Name.ToString();
            if (name == expected) continue;
            var line = declaration.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            var seenAs = name.Split('.')[^1];
            yield return name.StartsWith(ModelsNamespace + ".", StringComparison.Ordinal)
                ? $"{file}:{line}: namespace {name} does not match the folder {student}: dotnet test and ./run-specs.sh would list it as a submission named \"{seenAs}\"; {fix}."
                : $"{file}:{line}: namespace {name} lies outside {ModelsNamespace}: dotnet test and ./run-specs.sh would list it as a submission named \"{seenAs}\"; {fix}.";
        }
    }

    // conv1.forward(x) inside a model: it runs, but outside TorchSharp's hooks, so the specs cannot see the layer run.
    private static IEnumerable<string> ForwardCalls(string file, string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
            foreach (Match call in ForwardCall().Matches(lines[i]))
                if (call.Groups["target"].Value != "base")
                    yield return $"{file}:{i + 1}: `{call.Groups["target"].Value}.forward(…)` runs the layer without TorchSharp's hooks, so the specs do not see it run; call layers with `{call.Groups["target"].Value}.call(…)`.";
    }

    [GeneratedRegex(@"(?<target>[A-Za-z_][A-Za-z0-9_]*)\s*\.\s*forward\s*\(")]
    private static partial Regex ForwardCall();
}
