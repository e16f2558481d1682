using System.Diagnostics;

namespace ConvSpecs.Bridge;

/// <summary>Runs one scenario: BeforeScenario hooks, steps, AfterScenario hooks, then disposal of what it created.</summary>
internal sealed class ScenarioRunner(BindingRegistry bindings, Scenario scenario, Action<string> output)
{
    private readonly ScenarioContext context = new(scenario, output);
    private string? failedAt;

    public async Task<ScenarioResult> RunAsync(IEnumerable<object> contextObjects)
    {
        var watch = Stopwatch.StartNew();
        var container = new ScenarioContainer([context, .. contextObjects]);
        await RunHooksAsync(bindings.BeforeScenario, container);

        var steps = new List<StepResult>();
        foreach (var step in scenario.Steps)
        {
            var result = context.TestError is null
                ? await RunStepAsync(step, container)
                : new StepResult(step, StepOutcome.Skipped, TimeSpan.Zero, null);
            steps.Add(result);
            output($"{step} {Mark(result)}");
            if (result.Error is not null)
                Fail(result.Error, $"{step} ({step.File}:{step.Line})");
        }

        await RunHooksAsync(bindings.AfterScenario, container);
        try
        {
            await container.DisposeAsync();
        }
        catch (Exception e)
        {
            Fail(e, "disposal of the scenario's objects");
        }

        var outcome = steps.FirstOrDefault(step => step.Error is not null)?.Outcome
            ?? (context.TestError is null ? StepOutcome.Passed : StepOutcome.Failed);
        return new ScenarioResult(scenario, outcome, steps, context.TestError, failedAt, watch.Elapsed);
    }

    private async Task RunHooksAsync(IEnumerable<HookBinding> hooks, ScenarioContainer container)
    {
        foreach (var hook in hooks.Where(hook => hook.AppliesTo(scenario)))
        {
            // Before hooks stop at the first failure, as the steps do; after hooks all run, to clean up.
            if (hook.Attribute is BeforeScenarioAttribute && context.TestError is not null)
                return;
            try
            {
                await container.InvokeAsync(hook.Method, [.. hook.Method.GetParameters().Select(p => container.Resolve(p.ParameterType))]);
            }
            catch (Exception e)
            {
                output($"{hook} ✗");
                Fail(e, hook.ToString());
            }
        }
    }

    private async Task<StepResult> RunStepAsync(ScenarioStep step, ScenarioContainer container)
    {
        var (match, problem) = bindings.Resolve(step);
        if (problem is not null)
        {
            var outcome = problem.Kind == StepProblemKind.Ambiguous ? StepOutcome.Ambiguous : StepOutcome.Undefined;
            return new StepResult(step, outcome, TimeSpan.Zero, new StepBindingException(problem.Message));
        }

        var watch = Stopwatch.StartNew();
        try
        {
            await container.InvokeAsync(match!.Binding.Method, ArgumentConverter.Convert(match, step, bindings.ParameterTypes, container));
            return new StepResult(step, StepOutcome.Passed, watch.Elapsed, null);
        }
        catch (PendingStepException e)
        {
            return new StepResult(step, StepOutcome.Pending, watch.Elapsed, e);
        }
        catch (Exception e)
        {
            return new StepResult(step, StepOutcome.Failed, watch.Elapsed, e);
        }
    }

    private void Fail(Exception error, string where)
    {
        if (context.TestError is not null)
            return;
        context.TestError = error;
        failedAt = where;
    }

    private static string Mark(StepResult result) => result.Outcome switch
    {
        StepOutcome.Passed => $"✓ {result.Duration.TotalMilliseconds:0} ms",
        StepOutcome.Failed => $"✗ {result.Duration.TotalMilliseconds:0} ms",
        StepOutcome.Skipped => "- skipped",
        _ => $"? {result.Outcome.ToString().ToLowerInvariant()}",
    };
}
