using Reqnroll.BoDi;
using Reqnroll.Infrastructure;
using Reqnroll.Tracing;

namespace ConvSpecs.Bridge;

/// <summary>
/// Reqnroll's trace (each step, its binding and time) and what bindings write through IReqnrollOutputHelper, sent to the
/// output of the scenario running on this worker; without a scenario (configuration, start-up) it is dropped.
/// </summary>
internal sealed class ScenarioTraceListener(IObjectContainer container) : ITraceListener
{
    public void WriteTestOutput(string message) => Output()?.WriteLine(message);

    public void WriteToolOutput(string message) => Output()?.WriteLine("-> " + message);

    private ScenarioOutput? Output()
    {
        if (!container.IsRegistered<IContextManager>()) return null;
        var scenario = container.Resolve<IContextManager>().ScenarioContext;
        return scenario is not null && scenario.ScenarioContainer.IsRegistered<ScenarioOutput>()
            ? scenario.ScenarioContainer.Resolve<ScenarioOutput>()
            : null;
    }
}
