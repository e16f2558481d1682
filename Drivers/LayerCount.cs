using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>
/// How many layers of some kinds a forward pass ran, counted as calls (a layer called five times counts five
/// times), with the functional calls in forward that compute the same thing and the calls whose output never
/// reaches the model's output.
/// </summary>
public sealed record LayerCount(LayerKinds Kinds, IReadOnlyList<LayerRun> Calls, IReadOnlyList<FunctionalCall> Functional, IReadOnlyList<LayerRun> Dead)
{
    public static LayerCount Of(ModelContext context, LayerKinds kinds, bool checkPath)
    {
        ArgumentNullException.ThrowIfNull(context);
        var calls = LayerInspection.RanLayers(context.Model, kinds);
        var dead = checkPath ? DeadCalls(context, calls) : [];
        return new LayerCount(kinds, calls, LayerInspection.FunctionalLike(context.Model, kinds), dead);
    }

    /// <summary>Layer calls plus functional calls: everything that computed what a layer of these kinds computes.</summary>
    public int Total => Calls.Count + Functional.Count;

    /// <summary>Layer calls whose output reaches the model's output.</summary>
    public int Live => Calls.Count(call => !Dead.Contains(call));

    /// <summary>"5 Conv2d calls (conv1 ran 5 times)" and, when forward has them, the functional calls named with their line.</summary>
    public string Describe()
    {
        var reuse = LayerInspection.Reuse(Calls);
        var text = $"{Calls.Count} {Kinds} layer call{(Calls.Count == 1 ? "" : "s")}{(reuse.Length == 0 ? "" : $" ({reuse})")}";
        if (Functional.Count > 0)
            text += $" and {Functional.Count} functional call{(Functional.Count == 1 ? "" : "s")} in forward ({FunctionalText()})";
        if (Dead.Count > 0)
            text += $"; the output of {string.Join(", ", Dead.Select(call => $"'{call.Name}'").Distinct())} does not reach the model's output (changing it changes nothing the model gives)";
        return text;
    }

    /// <summary>"forward calls functional.conv2d at Net.cs:31: a convolution that is not a Conv2d layer".</summary>
    public string FunctionalText() =>
        string.Join("; ", Functional.Select(call => $"forward calls {call} : {Explain(call.Operation)} that is not a {Kinds} layer".Replace(" : ", ": ", StringComparison.Ordinal)));

    private static string Explain(Operation operation) => operation switch
    {
        Operation.Convolution => "a convolution",
        Operation.Linear => "a matrix product",
        Operation.Relu => "a ReLU",
        Operation.MaxPooling => "a max pooling",
        Operation.AveragePooling => "an average pooling",
        Operation.Padding => "a padding",
        _ => "an activation",
    };

    private static List<LayerRun> DeadCalls(ModelContext context, IReadOnlyList<LayerRun> calls)
    {
        var dead = Liveness.Dead(context, calls.Select(call => call.Module).Distinct(ReferenceEqualityComparer.Instance).Cast<nn.Module>());
        return calls.Where(call => dead.Contains(call.Module, ReferenceEqualityComparer.Instance)).ToList();
    }
}
