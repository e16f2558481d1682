namespace ConvSpecs.Grader.Compiling;

/// <summary>
/// One student's folder after compilation: the assembly, or the compiler's errors; and the variants its
/// [Variant] attributes name, read from the source (even when it does not compile).
/// </summary>
public sealed record CompiledSubmission(string Student, string? AssemblyPath, IReadOnlyList<string> Errors, IReadOnlyList<string> Variants)
{
    public bool Compiles => AssemblyPath is not null;
}
