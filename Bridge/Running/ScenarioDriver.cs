using System.Collections.Specialized;
using System.Diagnostics;
using System.Reflection;
using Reqnroll;
using Reqnroll.Bindings;
using Reqnroll.ErrorHandling;
using Reqnroll.Infrastructure;
using Exception = System.Exception;

namespace ConvSpecs.Bridge;

/// <summary>
/// Runs one pickle on Reqnroll's runtime with the calls its generated xunit.v3 code makes: feature start, scenario
/// initialise, the per-scenario objects, each step by its keyword, errors collected, scenario end, runner released.
/// Reqnroll matches, converts, injects and runs hooks; this reads each step's outcome from the scenario's status.
/// </summary>
internal sealed class ScenarioDriver(ReqnrollRun run, Scenario scenario, string subject, Action<string>? output)
{
    private readonly List<StepResult> steps = [];
    private Exception? error;
    private string? failedAt;

    public async Task<ScenarioResult> RunAsync(IEnumerable<object> contextObjects)
    {
        var watch = Stopwatch.StartNew();
        var feature = scenario.Feature.InfoFor(subject);
        var runner = await run.RunnerAsync(feature);
        try
        {
            if (await StartFeatureAsync(runner, feature))
            {
                runner.OnScenarioInitialize(ScenarioInfo(), RuleInfo());
                await RunScenarioAsync(runner, contextObjects);
            }
            else
            {
                steps.AddRange(scenario.Steps.Select(step => new StepResult(step, StepOutcome.Skipped, TimeSpan.Zero, null)));
            }
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(runner);
        }

        var outcome = steps.FirstOrDefault(step => step.Outcome != StepOutcome.Passed && step.Outcome != StepOutcome.Skipped)?.Outcome
            ?? (error is null ? StepOutcome.Passed : StepOutcome.Failed);
        return new ScenarioResult(scenario, outcome, steps, error, failedAt, watch.Elapsed);
    }

    // As Reqnroll's generated code: the worker ends the feature it ran before and starts this one; when the feature's
    // BeforeFeature hook failed, none of its scenarios runs.
    private async Task<bool> StartFeatureAsync(ITestRunner runner, FeatureInfo feature)
    {
        try
        {
            if (runner.FeatureContext is { } current && !ReferenceEquals(current.FeatureInfo, feature))
                await runner.OnFeatureEndAsync();
        }
        catch (Exception hook)
        {
            Fail(hook, HookName(hook, typeof(AfterFeatureAttribute)) ?? "an AfterFeature hook of the feature run before");
        }

        try
        {
            if (runner.FeatureContext is null)
                await runner.OnFeatureStartAsync(feature);
        }
        catch (Exception hook)
        {
            Fail(hook, HookName(hook, typeof(BeforeFeatureAttribute)) ?? "a BeforeFeature hook");
        }

        if (runner.FeatureContext?.BeforeFeatureHookError is { } before)
            Fail(before, HookName(before, typeof(BeforeFeatureAttribute)) ?? "a BeforeFeature hook");
        return error is null;
    }

    private void Register(ScenarioContext context, IEnumerable<object> contextObjects)
    {
        var container = context.ScenarioContainer;
        container.RegisterInstanceAs(scenario);
        if (output is not null) container.RegisterInstanceAs(new ScenarioOutput(output));
        foreach (var item in contextObjects)
            container.RegisterInstanceAs(item, item.GetType());
    }

    private async Task RunScenarioAsync(ITestRunner runner, IEnumerable<object> contextObjects)
    {
        try
        {
            Register(runner.ScenarioContext, contextObjects);
            await runner.OnScenarioStartAsync();
            if (runner.ScenarioContext.TestError is { } hookError)
            {
                Fail(hookError, HookName(hookError, typeof(BeforeScenarioAttribute)) ?? "a BeforeScenario hook");
                output?.Invoke($"-> error in {failedAt}: {hookError.Message}");
            }
            foreach (var (step, type) in BindingCatalog.Typed(scenario))
                await RunStepAsync(runner, step, type);
            try
            {
                await runner.CollectScenarioErrorsAsync();
            }
            catch (Exception collected)
            {
                // undefined and pending steps have no TestError: Reqnroll's message (with a snippet) is in this one
                Fail(collected, "the scenario");
                error ??= collected;
                if (steps.FirstOrDefault(step => step.Outcome is StepOutcome.Undefined or StepOutcome.Pending && step.Error is null) is { } open)
                    steps[steps.IndexOf(open)] = open with { Error = collected };
            }
        }
        finally
        {
            await EndScenarioAsync(runner);
        }
    }

    private async Task EndScenarioAsync(ITestRunner runner)
    {
        try
        {
            await runner.OnScenarioEndAsync();
        }
        catch (Exception end)
        {
            Fail(end, HookName(end, typeof(AfterScenarioAttribute)) ?? "an AfterScenario hook or the disposal of the scenario's objects");
            // Reqnroll's container stops disposing at the first Dispose that throws and keeps the scenario as current:
            // forget it, or every later scenario on this worker fails in the disposed container
            if (runner.ScenarioContext is not null)
                runner.TestThreadContext.TestThreadContainer.Resolve<IContextManager>().CleanupScenarioContext();
        }
    }

    private async Task RunStepAsync(ITestRunner runner, ScenarioStep step, StepDefinitionType type)
    {
        var context = runner.ScenarioContext;
        var before = context.ScenarioExecutionStatus;
        var watch = Stopwatch.StartNew();
        var table = step.ToDataTable();
        var keyword = step.Keyword + " ";
        // by the type Reqnroll gives the step (And, But and * continue the step before them), with the keyword as written
        try
        {
            await (type switch
            {
                StepDefinitionType.Given => runner.GivenAsync(step.Text, step.DocString, table, keyword),
                StepDefinitionType.When => runner.WhenAsync(step.Text, step.DocString, table, keyword),
                _ => runner.ThenAsync(step.Text, step.DocString, table, keyword),
            });
        }
        catch (Exception hook) when (ReferenceEquals(context.TestError, hook))
        {
            // a failing step or block hook: Reqnroll has recorded it on the scenario and throws it on; the step failed
        }
        var outcome = before != ScenarioExecutionStatus.OK ? StepOutcome.Skipped : context.ScenarioExecutionStatus switch
        {
            ScenarioExecutionStatus.OK => StepOutcome.Passed,
            ScenarioExecutionStatus.UndefinedStep => StepOutcome.Undefined,
            ScenarioExecutionStatus.StepDefinitionPending => StepOutcome.Pending,
            ScenarioExecutionStatus.BindingError when context.TestError is AmbiguousBindingException => StepOutcome.Ambiguous,
            ScenarioExecutionStatus.Skipped => StepOutcome.Skipped,
            _ => StepOutcome.Failed,
        };
        var stepError = outcome is StepOutcome.Passed or StepOutcome.Skipped ? null : context.TestError;
        steps.Add(new StepResult(step, outcome, outcome == StepOutcome.Skipped ? TimeSpan.Zero : watch.Elapsed, stepError));
        if (outcome is not (StepOutcome.Passed or StepOutcome.Skipped))
            Fail(stepError, $"{step} ({step.File}:{step.Line})");
    }

    private void Fail(Exception? reason, string where)
    {
        if (failedAt is not null) return;
        error = reason;
        failedAt = where;
    }

    private ScenarioInfo ScenarioInfo()
    {
        var origin = scenario.Origin;
        var arguments = new OrderedDictionary();
        foreach (var (name, value) in origin.Arguments) arguments[name] = value;
        return new ScenarioInfo(scenario.Name, origin.Description, [.. origin.OwnTags], arguments, [.. origin.InheritedTags],
            origin.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private RuleInfo? RuleInfo() =>
        scenario.Origin.Rule is { } rule ? new RuleInfo(rule.Title, rule.Description, [.. rule.Tags]) : null;

    // the hook method on the error's stack: Reqnroll records a failing hook's error, not which hook it was
    private static string? HookName(Exception error, Type hookAttribute) =>
        new StackTrace(error).GetFrames().Select(frame => frame.GetMethod()).FirstOrDefault(method => method?.IsDefined(hookAttribute, false) == true) is MethodBase hook
            ? $"{hookAttribute.Name.Replace("Attribute", "", StringComparison.Ordinal)} hook {hook.DeclaringType?.Name}.{hook.Name}"
            : null;
}
