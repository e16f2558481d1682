using System.Collections.Concurrent;
using System.Reflection;
using Reqnroll;

namespace ConvSpecs.Bridge;

/// <summary>
/// Reqnroll's test run for one bindings assembly: started before the first scenario (BeforeTestRun hooks, formatters),
/// ended by <see cref="EndAsync"/> (AfterTestRun hooks; the formatters write their files). Reqnroll keeps one run per
/// assembly object, so every call passes the same one.
/// </summary>
internal sealed class ReqnrollRun
{
    private static readonly ConcurrentDictionary<Assembly, ReqnrollRun> Runs = new();

    private readonly BridgeContainerBuilder builder = new();
    private readonly Lock gate = new();
    private Task? started;

    private ReqnrollRun(Assembly bindings) => Bindings = bindings;

    public Assembly Bindings { get; }

    public static ReqnrollRun For(Assembly bindings) => Runs.GetOrAdd(bindings, assembly => new ReqnrollRun(assembly));

    /// <summary>A worker's test runner, the test run started first; give it back with <see cref="TestRunnerManager.ReleaseTestRunner"/>.</summary>
    public async Task<ITestRunner> RunnerAsync(FeatureInfo? feature = null)
    {
        await StartAsync();
        return TestRunnerManager.GetTestRunnerForAssembly(Bindings, builder, feature);
    }

    public Task StartAsync()
    {
        // Reqnroll's dry run reports every step as passed without running it: a verdict would be a lie
        if (string.Equals(Environment.GetEnvironmentVariable("REQNROLL_DRY_RUN"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("REQNROLL_DRY_RUN is set to true: Reqnroll would pass every scenario without running it. Unset it to run the specs.");
        lock (gate)
            return started ??= TestRunnerManager.OnTestRunStartAsync(Bindings, builder);
    }

    /// <summary>Ends the run; a scenario after it starts a new one.</summary>
    public async Task EndAsync()
    {
        Task? running;
        lock (gate)
        {
            running = started;
            started = null;
        }
        if (running is null) return;
        await running;
        await TestRunnerManager.OnTestRunEndAsync(Bindings, builder);
    }
}
