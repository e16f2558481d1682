namespace ConvSpecs.Grader.Grading;

/// <summary>
/// What the reports are written from: every student's result and the facts of the run the reports state. A batch
/// graded here gives one (<see cref="Of"/>); so do shards graded elsewhere and merged (Scale/ShardMerge), which is why
/// it holds the sandbox's description rather than the sandbox.
/// </summary>
/// <param name="Sandbox">bubblewrap, unshare-net or none.</param>
/// <param name="MemoryLimit">How each student's memory limit was enforced.</param>
public sealed record GradedRun(IReadOnlyList<StudentResult> Students, TimeSpan WallTime, string Sandbox,
    IReadOnlyList<string> Isolated, IReadOnlyList<string> NotIsolated, string MemoryLimit)
{
    public static GradedRun Of(BatchResult batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new(batch.Students, batch.WallTime, batch.Sandbox.Name, batch.Sandbox.Isolated, batch.Sandbox.NotIsolated, batch.MemoryLimit);
    }
}
