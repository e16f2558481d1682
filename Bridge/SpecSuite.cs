using System.Reflection;

namespace ConvSpecs.Bridge;

/// <summary>The scenarios of a features directory, run on Reqnroll's runtime with the bindings of one assembly.</summary>
public sealed class SpecSuite
{
    /// <summary>How the ids of the rows that stand for unparsable files begin; the file's relative path follows.</summary>
    public const string ErrorIdPrefix = "error:";

    private readonly Dictionary<string, Scenario> scenariosById;
    private readonly ReqnrollRun? run;
    private readonly Lazy<BindingCatalog> bindings;

    private SpecSuite(string featuresDirectory, IReadOnlyList<Scenario> scenarios, IReadOnlyList<FeatureError> errors, Assembly? bindingAssembly)
    {
        FeaturesDirectory = featuresDirectory;
        Scenarios = scenarios;
        Errors = errors;
        run = bindingAssembly is null ? null : ReqnrollRun.For(bindingAssembly);
        bindings = new(() => BindingCatalog.Read(Run()));
        scenariosById = scenarios.ToDictionary(scenario => scenario.Id);
    }

    /// <summary>The full path of the features directory.</summary>
    public string FeaturesDirectory { get; }

    /// <summary>Every pickle of every parsed file, files ordered by relative path.</summary>
    public IReadOnlyList<Scenario> Scenarios { get; }

    /// <summary>Why some files could not be parsed (<c>file:line:column: message</c>); their scenarios are missing.</summary>
    public IReadOnlyList<FeatureError> Errors { get; }

    internal BindingCatalog Bindings => bindings.Value;

    /// <summary>Parses every *.feature below the directory; the bindings are the [Binding] classes Reqnroll finds in the assembly.</summary>
    /// <param name="featuresDirectory">The directory searched recursively for *.feature files.</param>
    /// <param name="bindingAssembly">The assembly with the step definitions, hooks and transformations; null to read the scenarios only.</param>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static SpecSuite Load(string featuresDirectory, Assembly? bindingAssembly = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(featuresDirectory);
        var directory = Path.GetFullPath(featuresDirectory);
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"The features directory {directory} does not exist.");

        var (scenarios, errors) = FeatureCatalog.Load(directory);
        return new SpecSuite(directory, scenarios, errors, bindingAssembly);
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

    /// <summary>
    /// Every step that cannot run because no binding or several match it (Reqnroll's matcher), every binding Reqnroll
    /// refused, and every parse error; runs nothing.
    /// </summary>
    public IReadOnlyList<StepProblem> FindUnboundSteps() =>
    [
        .. Errors.Select(error => new StepProblem(StepProblemKind.ParseError, error.File, error.Line, "", error.Message)),
        .. Bindings.InvalidBindings().Select(reason => new StepProblem(StepProblemKind.InvalidBinding, "", 0, "", reason)),
        // every scenario's steps, since a scoped binding may match a step in one scenario and not in another with other tags
        .. Scenarios.SelectMany(scenario => BindingCatalog.Typed(scenario).Select(typed => Bindings.Problem(scenario, typed.Step, typed.Type)))
            .OfType<StepProblem>()
            .Distinct(),
    ];

    /// <summary>Runs the scenario; see <see cref="RunAsync"/>.</summary>
    public ScenarioResult Run(Scenario scenario, string subject, IEnumerable<object> contextObjects, Action<string>? output = null) =>
        RunAsync(scenario, subject, contextObjects, output).GetAwaiter().GetResult();

    /// <summary>
    /// Runs the scenario on a Reqnroll worker: hooks, steps (after a failure the rest are skipped), after hooks, then the
    /// disposal of the objects Reqnroll created for it. Never throws for a failing scenario: see <see cref="ScenarioResult.ThrowIfFailed"/>.
    /// </summary>
    /// <param name="scenario">The scenario to run.</param>
    /// <param name="subject">What it runs against (a submission's name), so that each subject's runs are their own feature document in the reports; empty for none.</param>
    /// <param name="contextObjects">Objects the bindings may ask for, registered in the scenario's container; used as they are and not disposed.</param>
    /// <param name="output">Receives Reqnroll's trace of the steps and whatever the bindings write through IReqnrollOutputHelper.</param>
    public Task<ScenarioResult> RunAsync(Scenario scenario, string subject, IEnumerable<object> contextObjects, Action<string>? output = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(contextObjects);
        return new ScenarioDriver(Run(), scenario, subject, output).RunAsync(contextObjects);
    }

    /// <summary>
    /// Ends Reqnroll's test run: AfterFeature and AfterTestRun hooks, and the formatters write their reports. Call it when
    /// no scenario is running (after the last); a scenario run after it starts a new test run.
    /// </summary>
    public Task EndRunAsync() => Run().EndAsync();

    private ReqnrollRun Run() => run ?? throw new InvalidOperationException($"The suite of {FeaturesDirectory} was loaded without a bindings assembly; it cannot run.");
}
