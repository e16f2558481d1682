using System.Globalization;
using System.Reflection;
using Io.Cucumber.Messages.Types;
using Reqnroll;
using Reqnroll.BindingSkeletons;
using Reqnroll.Bindings;
using Reqnroll.Bindings.Reflection;
using Reqnroll.Infrastructure;

namespace ConvSpecs.Bridge;

/// <summary>
/// Reqnroll's binding registry and matcher for one bindings assembly, read without running a scenario: which binding a
/// step would run (the binding check, the glossary's examples), and Reqnroll's snippet for a step nothing matches.
/// </summary>
internal sealed class BindingCatalog
{
    private readonly IStepDefinitionMatchService matcher;
    private readonly IStepDefinitionSkeletonProvider snippets;

    private BindingCatalog(IBindingRegistry registry, IStepDefinitionMatchService matcher, IStepDefinitionSkeletonProvider snippets)
    {
        Registry = registry;
        this.matcher = matcher;
        this.snippets = snippets;
    }

    public IBindingRegistry Registry { get; }

    public static BindingCatalog Read(ReqnrollRun run)
    {
        var runner = run.RunnerAsync().GetAwaiter().GetResult();
        try
        {
            var container = runner.TestThreadContext.TestThreadContainer;
            return new BindingCatalog(container.Resolve<IBindingRegistry>(), container.Resolve<IStepDefinitionMatchService>(), container.Resolve<IStepDefinitionSkeletonProvider>());
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(runner);
        }
    }

    /// <summary>Reqnroll's step definitions and parameter transformations, as methods with their attributes.</summary>
    public IEnumerable<IStepDefinitionBinding> StepDefinitions => Registry.GetStepDefinitions();

    public IEnumerable<IStepArgumentTransformationBinding> Transformations => Registry.GetStepTransformations();

    public static MethodInfo Method(IBinding binding) => ((RuntimeBindingMethod)binding.Method).MethodInfo;

    /// <summary>Whether this step definition matches the step (text, parameters and scope).</summary>
    public bool Matches(IStepDefinitionBinding binding, Scenario scenario, ScenarioStep step, StepDefinitionType type) =>
        matcher.Match(binding, Instance(scenario, step, type), Culture(scenario)).Success;

    /// <summary>The problem that would stop the step, or null when exactly one binding matches it.</summary>
    public StepProblem? Problem(Scenario scenario, ScenarioStep step, StepDefinitionType type)
    {
        var instance = Instance(scenario, step, type);
        var match = matcher.GetBestMatch(instance, Culture(scenario), out var ambiguity, out var candidates);
        if (match.Success) return null;
        var bindings = string.Join("; ", candidates.Select(candidate => Describe(candidate.StepBinding)));
        return ambiguity switch
        {
            StepDefinitionAmbiguityReason.AmbiguousSteps => new StepProblem(StepProblemKind.Ambiguous, step.File, step.Line, step.ToString(),
                $"\"{step}\" matches {candidates.Count} bindings: {bindings}."),
            StepDefinitionAmbiguityReason.AmbiguousScopes => new StepProblem(StepProblemKind.Ambiguous, step.File, step.Line, step.ToString(),
                $"\"{step}\" matches {bindings}, but scoped to other tags, features or scenarios than \"{scenario.Name}\"."),
            StepDefinitionAmbiguityReason.ParameterErrors => new StepProblem(StepProblemKind.Ambiguous, step.File, step.Line, step.ToString(),
                $"\"{step}\" matches {bindings}, but no binding's parameters fit its arguments."),
            _ => new StepProblem(StepProblemKind.Undefined, step.File, step.Line, step.ToString(),
                $"\"{step}\" has no binding. Reqnroll suggests:{Environment.NewLine}" +
                snippets.GetStepDefinitionSkeleton(ProgrammingLanguage.CSharp, instance, StepDefinitionSkeletonStyle.CucumberExpressionAttribute, Culture(scenario))),
        };
    }

    /// <summary>The bindings Reqnroll could not register (an unknown {type}, a bad regex), each with its method and reason.</summary>
    public IEnumerable<string> InvalidBindings() =>
    [
        .. Registry.GetErrorMessages().Select(error => error.Message),
        .. StepDefinitions.Where(binding => !binding.IsValid).Select(binding => $"{Describe(binding)}: {binding.ErrorMessage}"),
    ];

    private static string Describe(IStepDefinitionBinding binding) =>
        $"{Method(binding).DeclaringType?.Name}.{Method(binding).Name} [{binding.StepDefinitionType}(\"{binding.SourceExpression}\")]";

    private static CultureInfo Culture(Scenario scenario) => scenario.Feature.Language;

    private static StepInstance Instance(Scenario scenario, ScenarioStep step, StepDefinitionType type)
    {
        var context = new StepContext(scenario.FeatureName, scenario.Name, scenario.Tags, Culture(scenario));
        var keyword = type switch
        {
            StepDefinitionType.Given => StepDefinitionKeyword.Given,
            StepDefinitionType.When => StepDefinitionKeyword.When,
            _ => StepDefinitionKeyword.Then,
        };
        return new StepInstance(type, keyword, step.Keyword + " ", step.Text, step.DocString, step.ToDataTable(), context);
    }

    /// <summary>Each step's type as Reqnroll gives it: its keyword's, or the step before it's for And, But and *.</summary>
    public static IEnumerable<(ScenarioStep Step, StepDefinitionType Type)> Typed(Scenario scenario)
    {
        var type = StepDefinitionType.Given;
        foreach (var step in scenario.Steps)
        {
            type = step.KeywordType switch
            {
                StepKeywordType.CONTEXT => StepDefinitionType.Given,
                StepKeywordType.ACTION => StepDefinitionType.When,
                StepKeywordType.OUTCOME => StepDefinitionType.Then,
                _ => type,
            };
            yield return (step, type);
        }
    }
}
