using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;

namespace ConvSpecs.Bridge;

/// <summary>
/// What Reqnroll's xunit.v3 plugin (not served here) registers: the unit-test provider, a trace listener that writes to
/// the running scenario's output, and an attachment handler that gives xUnit the files a step attaches.
/// </summary>
internal sealed class BridgePlugin : IRuntimePlugin
{
    private const string ProviderName = "convspecs-xunit3";

    public void Initialize(RuntimePluginEvents runtimePluginEvents, RuntimePluginParameters runtimePluginParameters, UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        runtimePluginEvents.RegisterGlobalDependencies += (_, e) =>
            e.ObjectContainer.RegisterTypeAs<XunitRuntimeProvider, IUnitTestRuntimeProvider>(ProviderName);
        runtimePluginEvents.CustomizeTestThreadDependencies += (_, e) =>
        {
            e.ObjectContainer.RegisterTypeAs<ScenarioTraceListener, ITraceListener>();
            e.ObjectContainer.RegisterTypeAs<AttachmentForwarder, IReqnrollAttachmentHandler>();
        };
        unitTestProviderConfiguration.UseUnitTestProvider(ProviderName);
    }
}
