namespace ConvSpecs.Models;

/// <summary>
/// Marks a model as a student's answer to one variant of the assignment. Put it on a
/// <c>Module&lt;Tensor, Tensor&gt;</c> class with a public parameterless constructor, or on a public
/// static parameterless method that returns one (one class with a flag, as in the seeds).
/// </summary>
/// <example><c>[Variant(2, Role = "padding0", Input = new[] { 3, 32, 32 })]</c></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class VariantAttribute(int number) : AssignmentModelAttribute($"variant{number}")
{
    /// <summary>The variant of the assignment, 1 to 6.</summary>
    public int Number { get; } = number;
}
