namespace ConvSpecs.Grader.Isolation;

/// <summary>
/// The grader, not the student, failed: a compiler or worker it started died before it read its input (bubblewrap could
/// not set up the sandbox, a folder it needs was not reachable). The student gets no verdict about the work, only
/// <see cref="Verdict"/> with the cause, and the batch goes on with the others.
/// </summary>
public sealed class GraderFailure(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>How such a student's verdict starts.</summary>
    public const string Verdict = "grader error, not graded (the grader's failure, not the submission's; grade again once it is fixed)";
}
