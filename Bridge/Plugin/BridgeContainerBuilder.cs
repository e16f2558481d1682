using System.Reflection;
using Reqnroll.Analytics;
using Reqnroll.BindingSkeletons;
using Reqnroll.BoDi;
using Reqnroll.Configuration;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;

namespace ConvSpecs.Bridge;

/// <summary>
/// Registers <see cref="BridgePlugin"/> from code: Reqnroll finds plugins by [assembly: RuntimePlugin] in the test
/// assembly or by file name, and the bridge is neither (the grader's worker runs the same bindings from its own Main).
/// Configuration and plugins are read from the program's folder only (<see cref="ProgramFolderConfiguration"/>), and
/// nothing is sent to Reqnroll's telemetry (<see cref="NoTelemetry"/>); snippets do not depend on earlier ones
/// (<see cref="StepTextAnalyzerPerStep"/>).
/// </summary>
internal sealed class BridgeContainerBuilder : ContainerBuilder
{
    protected override void RegisterDefaults(ObjectContainer container)
    {
        base.RegisterDefaults(container);
        container.RegisterTypeAs<ProgramFolderConfiguration, IReqnrollJsonLocator>();
        container.RegisterTypeAs<ProgramFolderConfiguration, IRuntimePluginLocator>();
        container.RegisterTypeAs<NoTelemetry, IAnalyticsRuntimeTelemetryService>();
        container.RegisterTypeAs<StepTextAnalyzerPerStep, IStepTextAnalyzer>();
    }

    protected override void LoadPlugins(IRuntimeConfigurationProvider configurationProvider, ObjectContainer container, RuntimePluginEvents runtimePluginEvents,
        ReqnrollConfiguration reqnrollConfiguration, UnitTestProviderConfiguration unitTestProviderConfigration, Assembly testAssembly)
    {
        // before anything resolves it: Reqnroll's start-up trace would go to the console, in the grader's worker the student's output
        container.RegisterTypeAs<ScenarioTraceListener, ITraceListener>();
        new BridgePlugin().Initialize(runtimePluginEvents, new RuntimePluginParameters(), unitTestProviderConfigration);
        base.LoadPlugins(configurationProvider, container, runtimePluginEvents, reqnrollConfiguration, unitTestProviderConfigration, testAssembly);
    }
}
