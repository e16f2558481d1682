namespace ConvSpecs.Grader.Grading;

/// <summary>Everything the grader decided about one student.</summary>
/// <param name="Variants">The variants the student's [Variant] attributes name.</param>
/// <param name="CompileErrors">The compiler's errors (file:line: error CSxxxx: message); empty when it compiles.</param>
/// <param name="Verdict">One line: "graded", "does not compile", "no [Variant] model", or the first hang or crash.</param>
/// <param name="Duration">Compilation and every worker, wall clock.</param>
public sealed record StudentResult(string Student, IReadOnlyList<string> Variants, IReadOnlyList<string> CompileErrors,
    IReadOnlyList<ScenarioVerdict> Scenarios, string Verdict, TimeSpan Duration)
{
    public const string Graded = "graded";

    public bool Compiles => CompileErrors.Count == 0;

    public int Passed => Scenarios.Count(scenario => scenario.Passed);
}
