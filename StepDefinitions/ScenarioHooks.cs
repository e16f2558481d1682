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

    [AfterScenario]
    public void PublishEvidence() => evidence.Publish(scenario.TestError);
}
