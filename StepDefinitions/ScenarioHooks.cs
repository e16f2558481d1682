using Reqnroll;
using ConvSpecs.Drivers;
using ConvSpecs.Reports;
using static TorchSharp.torch;

namespace ConvSpecs.StepDefinitions;

/// <summary>Seed and device before every scenario; evidence after it, passed or failed.</summary>
[Binding]
public sealed class ScenarioHooks(ScenarioContext scenario, ModelContext context, ScenarioEvidence evidence)
{
    [BeforeScenario(Order = 0)]
    public void SeedTorch() => random.manual_seed(context.Settings.Seed);

    [BeforeScenario(Order = 1)]
    public void ChooseDevice() => evidence.Device = context.Device.ToString();

    // an undefined or pending step leaves no TestError: the evidence must not call that scenario passed
    [AfterScenario]
    public void PublishEvidence() => evidence.Publish(scenario.TestError ?? (scenario.ScenarioExecutionStatus == ScenarioExecutionStatus.OK ? null
        : new InvalidOperationException($"The scenario did not run to its end: {scenario.ScenarioExecutionStatus} (a step has no binding, or several, or is pending).")));
}
