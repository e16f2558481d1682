using System.Reflection;

namespace ConvSpecs.Bridge;

/// <summary>The scenarios of a features directory and the bindings that run them.</summary>
public sealed class SpecSuite
{
    /// <summary>How the ids of the rows that stand for unparsable files begin; the file's relative path follows.</summary>
    public const string ErrorIdPrefix = "error:";

    private readonly Dictionary<string, Scenario> scenariosById;

    private SpecSuite(string featuresDirectory, IReadOnlyList<Scenario> scenarios, IReadOnlyList<FeatureError> errors, BindingRegistry bindings)
    {
        FeaturesDirectory = featuresDirectory;
        Scenarios = scenarios;
        Errors = errors;
        Bindings = bindings;
        scenariosById = scenarios.ToDictionary(scenario => scenario.Id);
    }

    /// <summary>The full path of the features directory.</summary>
    public string FeaturesDirectory { get; }

    /// <summary>Every pickle of every parsed file, files ordered by relative path.</summary>
    public IReadOnlyList<Scenario> Scenarios { get; }

    /// <summary>Why some files could not be parsed (<c>file:line:column: message</c>); their scenarios are missing.</summary>
    public IReadOnlyList<FeatureError> Errors { get; }

    internal BindingRegistry Bindings { get; }

    /// <summary>Parses every *.feature below the directory and discovers the [Binding] classes of the assemblies.</summary>
    /// <param name="featuresDirectory">The directory searched recursively for *.feature files.</param>
    /// <param name="bindingAssemblies">The assemblies whose [Binding] classes define steps, hooks and parameter types.</param>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="InvalidOperationException">A binding is invalid (bad pattern, unknown parameter type, wrong parameter count).</exception>
    public static SpecSuite Load(string featuresDirectory, params Assembly[] bindingAssemblies)
    {
        ArgumentException.ThrowIfNullOrEmpty(featuresDirectory);
        ArgumentNullException.ThrowIfNull(bindingAssemblies);
        var directory = Path.GetFullPath(featuresDirectory);
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"The features directory {directory} does not exist.");

        var (scenarios, errors) = FeatureLoader.Load(directory);
        return new SpecSuite(directory, scenarios, errors, BindingRegistry.Discover(bindingAssemblies));
    }

    /// <summary>The scenario with the given <see cref="Scenario.Id"/>.</summary>
    /// <param name="id">A scenario id, or an <see cref="ErrorIdPrefix"/> id from a data row.</param>
    /// <exception cref="InvalidDataException">The id stands for a file that does not parse; the message says why.</exception>
    /// <exception cref="KeyNotFoundException">No scenario has the id.</exception>
    public Scenario GetScenario(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.StartsWith(ErrorIdPrefix, StringComparison.Ordinal))
        {
            var file = id[ErrorIdPrefix.Length..];
            throw new InvalidDataException(string.Join(Environment.NewLine, Errors.Where(error => error.File == file)));
        }

        return scenariosById.TryGetValue(id, out var scenario)
            ? scenario
            : throw new KeyNotFoundException($"No scenario {id} below {FeaturesDirectory}; rediscover the tests if the features changed.");
    }

    /// <summary>Every step that cannot run because no binding or several match it, and every parse error; runs nothing.</summary>
    public IReadOnlyList<StepProblem> FindUnboundSteps() =>
    [
        .. Errors.Select(error => new StepProblem(StepProblemKind.ParseError, error.File, error.Line, "", error.Message)),
        .. Scenarios.SelectMany(scenario => scenario.Steps)
            .DistinctBy(step => (step.File, step.Line, step.Text, step.Type))
            .Select(step => Bindings.Resolve(step).Problem)
            .OfType<StepProblem>(),
    ];

    /// <summary>Runs the scenario with a fresh set of objects; see <see cref="RunAsync"/>.</summary>
    /// <param name="scenario">The scenario to run.</param>
    /// <param name="contextObjects">Objects the bindings may ask for; used as they are and not disposed.</param>
    /// <param name="output">Receives one line per step and whatever the bindings write to <see cref="ScenarioContext"/>.</param>
    public ScenarioResult Run(Scenario scenario, IEnumerable<object> contextObjects, Action<string>? output = null) =>
        RunAsync(scenario, contextObjects, output).GetAwaiter().GetResult();

    /// <summary>
    /// Runs BeforeScenario hooks, the steps (after a failure the rest are skipped), AfterScenario hooks, then disposes
    /// the objects created for the scenario, newest first. Never throws for a failing scenario: see <see cref="ScenarioResult.ThrowIfFailed"/>.
    /// </summary>
    /// <param name="scenario">The scenario to run.</param>
    /// <param name="contextObjects">Objects the bindings may ask for; used as they are and not disposed.</param>
    /// <param name="output">Receives one line per step and whatever the bindings write to <see cref="ScenarioContext"/>.</param>
    public Task<ScenarioResult> RunAsync(Scenario scenario, IEnumerable<object> contextObjects, Action<string>? output = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(contextObjects);
        return new ScenarioRunner(Bindings, scenario, output ?? (_ => { })).RunAsync(contextObjects);
    }
}
