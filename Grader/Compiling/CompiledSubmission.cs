namespace ConvSpecs.Grader.Compiling;

/// <summary>
/// One student's folder after compilation: the assembly, or the compiler's errors and the refusals (files that are not
/// regular files or too large, APIs a submission may not call); and the variants its [Variant] attributes name, read
/// from the source (even when it does not compile).
/// </summary>
/// <param name="Refusal">The first refusal, for the verdict; null when the folder was read and every API is allowed.</param>
public sealed record CompiledSubmission(string Student, string? AssemblyPath, IReadOnlyList<string> Errors, IReadOnlyList<string> Variants, string? Refusal = null)
{
    public const string DoesNotCompile = "does not compile";

    public bool Compiles => AssemblyPath is not null;

    /// <summary>"does not compile", or "does not compile: Helper.cs is a symbolic link; hand in the file itself".</summary>
    public string FailureVerdict => Refusal is null ? DoesNotCompile : $"{DoesNotCompile}: {Refusal}";
}
