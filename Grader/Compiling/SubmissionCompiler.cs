using System.Collections.Immutable;
using System.Globalization;
using ConvSpecs.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace ConvSpecs.Grader.Compiling;

/// <summary>
/// Compiles a student's .cs files with Roslyn against the assemblies this program runs with (TorchSharp,
/// ConvSpecs, the framework), so no project is rebuilt per student. Nothing of the student's runs here.
/// </summary>
public static class SubmissionCompiler
{
    /// <summary>At most this many errors are reported; the first ones are the ones to fix.</summary>
    public const int ErrorsShown = 20;

    // The SDK's implicit usings for a console project: a file that compiles in Models/ compiles here.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))]);

    private static readonly string VariantAttributeName = typeof(VariantAttribute).FullName!;
    private static readonly string PoolingTaskAttributeName = typeof(PoolingTaskAttribute).FullName!;

    /// <summary>
    /// Compiles every .cs below <paramref name="folder"/> (bin/ and obj/ left out) to <paramref name="assemblyPath"/>, unless the
    /// folder holds something other than regular files of bounded size, or the code calls an API outside <see cref="ApiAllowList"/>.
    /// </summary>
    public static CompiledSubmission Compile(string student, string folder, string assemblyPath, bool checkApis = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var sources = SubmissionSources.Read(folder);
        if (sources.Files.Count == 0 && sources.Refusals.Count == 0)
            return new CompiledSubmission(student, null, [$"{student}/: no .cs files in the submission folder."], []);

        var compilation = Compilation(sources, Path.GetFileNameWithoutExtension(assemblyPath));
        var variants = DeclaredVariants(compilation);
        // nothing of a refused folder is compiled: a 50 MB file or a link to another student's work stops here
        if (sources.Refusals.Count > 0)
            return new CompiledSubmission(student, null, [.. sources.Refusals], variants, sources.Refusals[0]);

        var refusals = checkApis ? ApiCheck.Refusals(compilation, ErrorsShown) : [];
        using var image = new MemoryStream();
        // Embedded line tables: an exception in student code names the student's file and line (Net.cs:23).
        var emitted = refusals.Count == 0 ? compilation.Emit(image, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded)) : null;
        if (emitted is { Success: true })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(assemblyPath)!);
            File.WriteAllBytes(assemblyPath, image.ToArray());
            return new CompiledSubmission(student, assemblyPath, [], variants);
        }
        var errors = (emitted?.Diagnostics ?? compilation.GetDiagnostics()).Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        var shown = errors.Take(ErrorsShown).Select(Describe).Concat(refusals).ToList();
        if (errors.Count > ErrorsShown) shown.Add($"… and {errors.Count - ErrorsShown} more errors.");
        return new CompiledSubmission(student, null, shown, variants, refusals.FirstOrDefault());
    }

    /// <summary>
    /// Only the variants the folder's [Variant] attributes name, without compiling method bodies: what test discovery
    /// needs, at a fraction of the cost (a refused folder still names them).
    /// </summary>
    public static IReadOnlyList<string> Variants(string folder) => DeclaredVariants(Compilation(SubmissionSources.Read(folder), "Discovery"));

    private static CSharpCompilation Compilation(SubmissionSources sources, string name)
    {
        var parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var trees = sources.Files.Select(file => CSharpSyntaxTree.ParseText(file.Text, parse, file.Path, System.Text.Encoding.UTF8))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, parse, "(implicit usings)", System.Text.Encoding.UTF8));
        return CSharpCompilation.Create($"Submission.{name}", trees, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Release,
                deterministic: true));
    }

    /// <summary>"Model.cs:12: error CS1002: ; expected", the way compilers print it.</summary>
    private static string Describe(Diagnostic diagnostic)
    {
        var where = diagnostic.Location.GetLineSpan();
        var line = where.StartLinePosition.Line + 1;
        return string.Create(CultureInfo.InvariantCulture, $"{where.Path}:{line}: error {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
    }

    /// <summary>Every variant the student's [Variant(n)] and [PoolingTask] attributes name ("2", "pooling"), from the symbols.</summary>
    private static List<string> DeclaredVariants(CSharpCompilation compilation)
    {
        var variants = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in Types(compilation.Assembly.GlobalNamespace))
            foreach (var symbol in type.GetMembers().OfType<IMethodSymbol>().Cast<ISymbol>().Prepend(type))
                foreach (var attribute in symbol.GetAttributes())
                {
                    var name = attribute.AttributeClass?.ToDisplayString();
                    if (name == VariantAttributeName && attribute.ConstructorArguments is [{ Value: int number }])
                        variants.Add(number.ToString(CultureInfo.InvariantCulture));
                    else if (name == PoolingTaskAttributeName)
                        variants.Add(ModelRoles.PoolingTask);
                }
        return [.. variants];
    }

    private static IEnumerable<INamedTypeSymbol> Types(INamespaceOrTypeSymbol container) =>
        container.GetMembers().SelectMany(member => member switch
        {
            INamespaceSymbol space => Types(space),
            INamedTypeSymbol type => Types(type).Prepend(type),
            _ => [],
        });
}
