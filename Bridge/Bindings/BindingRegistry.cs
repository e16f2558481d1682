using System.Reflection;

namespace ConvSpecs.Bridge;

/// <summary>The step definitions, hooks and parameter types found in the [Binding] classes of some assemblies.</summary>
internal sealed class BindingRegistry
{
    private BindingRegistry(ParameterTypeRegistry parameterTypes, IReadOnlyList<StepBinding> steps, IReadOnlyList<HookBinding> hooks)
    {
        ParameterTypes = parameterTypes;
        Steps = steps;
        BeforeScenario = [.. Ordered<BeforeScenarioAttribute>(hooks)];
        AfterScenario = [.. Ordered<AfterScenarioAttribute>(hooks)];
    }

    public ParameterTypeRegistry ParameterTypes { get; }

    public IReadOnlyList<StepBinding> Steps { get; }

    public IReadOnlyList<HookBinding> BeforeScenario { get; }

    public IReadOnlyList<HookBinding> AfterScenario { get; }

    public static BindingRegistry Discover(IEnumerable<Assembly> assemblies)
    {
        // Types by name and methods by metadata order, so that discovery is the same on every run.
        var methods = assemblies.Distinct()
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type.IsDefined(typeof(BindingAttribute)))
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .OrderBy(method => method.MetadataToken))
            .ToList();

        var parameterTypes = new ParameterTypeRegistry();
        foreach (var method in methods)
        {
            foreach (var attribute in method.GetCustomAttributes<StepArgumentTransformationAttribute>())
                parameterTypes.AddTransformation(method, attribute);
        }

        var steps = methods.SelectMany(method => method.GetCustomAttributes<StepDefinitionBaseAttribute>()
            .Select(attribute => Bind(method, attribute, parameterTypes))).ToList();
        var hooks = methods.SelectMany(method => method.GetCustomAttributes<ScenarioHookAttribute>()
            .Select(attribute => new HookBinding(method, attribute))).ToList();
        return new BindingRegistry(parameterTypes, steps, hooks);
    }

    /// <summary>The one binding for the step, or the problem that there is none or more than one.</summary>
    public (StepMatch? Match, StepProblem? Problem) Resolve(ScenarioStep step)
    {
        var matches = Steps.Select(binding => (binding, arguments: binding.Match(step)))
            .Where(m => m.arguments is not null)
            .Select(m => new StepMatch(m.binding, m.arguments!))
            .ToList();
        return matches.Count switch
        {
            1 => (matches[0], null),
            0 => (null, new StepProblem(StepProblemKind.Undefined, step.File, step.Line, step.ToString(),
                $"Undefined step \"{step}\". Add a binding:\n\n{SnippetGenerator.For(step)}")),
            _ => (null, new StepProblem(StepProblemKind.Ambiguous, step.File, step.Line, step.ToString(),
                $"Ambiguous step \"{step}\" matches {matches.Count} bindings:\n  {string.Join("\n  ", matches.Select(m => m.Binding))}")),
        };
    }

    private static StepBinding Bind(MethodInfo method, StepDefinitionBaseAttribute attribute, ParameterTypeRegistry parameterTypes)
    {
        StepPattern pattern;
        try
        {
            pattern = StepPattern.Compile(attribute.Pattern, parameterTypes);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new InvalidOperationException($"{method.ShortName()}: {e.Message}", e);
        }

        // One more parameter than the pattern captures is the step's data table or doc string.
        var count = method.GetParameters().Length;
        if (count != pattern.ParameterCount && count != pattern.ParameterCount + 1)
            throw new InvalidOperationException(
                $"{method.ShortName()} takes {count} parameters but \"{attribute.Pattern}\" captures {pattern.ParameterCount}.");
        return new StepBinding(attribute.Type, pattern, method);
    }

    private static IEnumerable<HookBinding> Ordered<T>(IEnumerable<HookBinding> hooks) =>
        hooks.Where(hook => hook.Attribute is T).OrderBy(hook => hook.Attribute.Order);
}

/// <summary>A binding that matches a step, with the step's argument texts.</summary>
internal sealed record StepMatch(StepBinding Binding, IReadOnlyList<CapturedArgument> Arguments);
