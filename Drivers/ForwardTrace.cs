using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>
/// Watches a model's leaf layers with forward hooks and keeps, in execution order, what each call
/// received and returned. nb. TorchSharp fires hooks only for submodules invoked with .call(x), so a
/// registered layer that never shows up here was either unused or called with .forward(x). A layer
/// registered under two names (a Sequential reusing a field) is watched once, under its first name.
/// </summary>
public sealed class ForwardTrace : IDisposable
{
    private readonly List<Action> removeHooks = [];
    private readonly List<LayerRun> runs = [];
    private readonly Dictionary<nn.Module, string> names = new(ReferenceEqualityComparer.Instance);

    public ForwardTrace(nn.Module<Tensor, Tensor> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Registered = model.named_modules().Where(named => !named.module.children().Any())
            .DistinctBy(named => named.module, ReferenceEqualityComparer.Instance).Select(named => (named.name, named.module)).ToList();
        foreach (var (name, module) in Registered) names[module] = name;
        foreach (var (_, module) in Registered)
            if (module is nn.Module<Tensor, Tensor> layer)
                removeHooks.Add(layer.register_forward_hook(Record).remove);
    }

    /// <summary>Every leaf layer of the model, in registration order, with its attribute name.</summary>
    public IReadOnlyList<(string Name, nn.Module Module)> Registered { get; }

    /// <summary>Every observed call, in execution order: a layer called twice appears twice.</summary>
    public IReadOnlyList<LayerRun> Runs => runs;

    /// <summary>Registered layers of the given kinds that never ran through .call(x).</summary>
    public IReadOnlyList<string> Unseen(LayerKinds kinds) =>
        Registered.Where(layer => kinds.Matches(layer.Module) && !runs.Any(run => ReferenceEquals(run.Module, layer.Module)))
            .Select(layer => $"{layer.Module.GetType().Name} '{layer.Name}'").ToList();

    /// <summary>While true, calls are not recorded (the suite's own extra forward passes).</summary>
    public bool Paused { get; set; }

    public void Clear()
    {
        foreach (var run in runs) { run.Input.Dispose(); run.Output.Dispose(); }
        runs.Clear();
    }

    public void Dispose()
    {
        foreach (var remove in removeHooks) remove();
        Clear();
    }

    private Tensor Record(nn.Module<Tensor, Tensor> module, Tensor input, Tensor output)
    {
        if (Paused) return output;
        // Copies leave the caller's dispose scope: the trace owns them until it is cleared.
        runs.Add(new LayerRun(names.GetValueOrDefault(module, module.GetName()), module, input.shape, output.shape,
            input.detach().clone().DetachFromDisposeScope(), output.detach().clone().DetachFromDisposeScope()));
        return output;
    }
}
