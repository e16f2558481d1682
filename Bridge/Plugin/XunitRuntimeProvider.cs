using Reqnroll;
using Reqnroll.ErrorHandling;
using Reqnroll.UnitTestProvider;

namespace ConvSpecs.Bridge;

/// <summary>
/// Reqnroll's unit-test provider for xUnit v3, as its plugin has it: a pending or undefined step fails the test (xUnit has
/// no pending outcome), an ignored scenario is skipped. Outside a test (the grader's worker) the same exceptions end the
/// scenario, and the driver reads the outcome from the scenario's status.
/// </summary>
internal sealed class XunitRuntimeProvider : IUnitTestRuntimeProvider
{
    public void TestPending(string message) => throw new PendingScenarioException(message);

    public void TestInconclusive(string message) => throw new PendingScenarioException(message);

    public void TestIgnore(string message) => throw new ScenarioSkippedException(message);

    // Reqnroll asks this for every exception a step throws; none of xUnit's is expected in a step
    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) => null;

    /// <summary>xUnit v3 reports a test whose exception message starts with its dynamic-skip token as skipped (what Assert.Skip throws).</summary>
    private sealed class ScenarioSkippedException(string reason) : Exception("$XunitDynamicSkip$" + reason);
}
