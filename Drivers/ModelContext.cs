using ConvSpecs.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>
/// One scenario's state: the submission under test, its model (and a twin to compare with), the
/// input and the outputs. Created per scenario and disposed after it, with every tensor it holds.
/// </summary>
public sealed class ModelContext(Submission submission, RunSettings settings) : IDisposable
{
    private Device? device;
    private LoadedModel? model;

    public Submission Submission { get; } = submission;

    public RunSettings Settings { get; } = settings;

    public Device Device => device ??= Settings.ResolveDevice();

    public ModelEntry? Entry { get; private set; }

    public LoadedModel Model => model ?? throw new InvalidOperationException("No model yet: a 'Given the student's … model' step must come first.");

    /// <summary>A second model compared with the first (the padding=1 twin, the control twin).</summary>
    public LoadedModel? Twin { get; private set; }

    public Tensor? Input { get; private set; }

    public Tensor? Output { get; private set; }

    public Tensor? TwinOutput { get; private set; }

    /// <summary>Builds the submission's model for a task ("variant2", "pooling") in a role (empty: the main one).</summary>
    public void Load(string task, string role = "")
    {
        Entry = Find(task, role);
        model = Build(Entry, Label(Entry));
    }

    /// <summary>A fresh instance of a model of the submission, on the device, with its source known.</summary>
    public LoadedModel Build(ModelEntry entry, string label)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(label, entry.Create(), Device, SourceFolder(entry), entry.Source as Type ?? entry.Source.DeclaringType);
    }

    /// <summary>
    /// Where the model's .cs files are: the folder the grader names, else this repository when the model was built
    /// from it by a project (its assembly is in a bin/ folder here: Models/, examples/, tests/); null otherwise, so a
    /// student's class compiled elsewhere is never read from a namesake here.
    /// </summary>
    public string? SourceFolder(ModelEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (Submission.SourceFolder is { } folder) return folder;
        var root = RunSettings.RepositoryRoot();
        var assembly = entry.Source.Module.Assembly.Location;
        if (root is null || assembly.Length == 0) return null;
        var relative = Path.GetRelativePath(root, Path.GetFullPath(assembly));
        return !relative.StartsWith("..", StringComparison.Ordinal) && relative.Split(Path.DirectorySeparatorChar).Contains("bin") ? root : null;
    }

    /// <summary>The submission's model for a task in a role; a missing one is a <see cref="ModelProblem"/> that names the attribute to add.</summary>
    public ModelEntry Find(string task, string role = "") =>
        Submission.Find(task, role) ?? throw new ModelProblem(
            $"Submission {Submission.Name} has no {ModelRoles.Describe(task)} model{(role.Length == 0 ? "" : $" with Role = \"{role}\"")}: " +
            $"mark it with {ModelRoles.AttributeFor(task, role)}.");

    /// <summary>How messages and evidence name a model: "Reference BorderCroppingNet (variant 2, padding0)".</summary>
    public string Label(ModelEntry entry) =>
        $"{Submission.Name} {entry.Source.Name} ({ModelRoles.Describe(entry.Task)}{(entry.Role.Length == 0 ? "" : $", {entry.Role}")})";

    public void SetTwin(LoadedModel twin)
    {
        Twin?.Dispose();
        Twin = twin;
    }

    /// <summary>A seeded random batch of the declared input (or the given sample shape), on the device.</summary>
    public Tensor NewInput(long batch, long[]? sampleShape = null)
    {
        var shape = sampleShape ?? Entry?.Input ?? throw new InvalidOperationException("No model to take its input shape from.");
        Input?.Dispose();
        Input = randn([batch, .. shape]).to(Device).DetachFromDisposeScope();
        return Input;
    }

    public void SetOutputs(Tensor output, Tensor? twinOutput = null)
    {
        Output?.Dispose();
        TwinOutput?.Dispose();
        Output = output;
        TwinOutput = twinOutput;
    }

    public void Dispose()
    {
        Output?.Dispose();
        TwinOutput?.Dispose();
        Input?.Dispose();
        Twin?.Dispose();
        model?.Dispose();
    }
}
