using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>
/// The layers of a forward pass in order, with the ReLUs forward applies as functions (functional.relu, x.relu())
/// put back where they were measured: between two layer calls whose tensors differ by exactly a ReLU (the next
/// layer receives relu of what the previous gave), or after the last one when the model gives relu of its output.
/// Students write ReLU either way (seeds 001 and 002 write functional.relu); both are a ReLU in the network.
/// </summary>
public static class LayerSequence
{
    /// <summary>One step: a layer call, or a ReLU measured between calls (Run is then null).</summary>
    public sealed record Step(string Kind, string Name, LayerRun? Run)
    {
        public bool Is(LayerKinds kinds) => Run is not null ? kinds.Matches(Run.Module) : kinds.Names.Contains(Kind);

        public override string ToString() => Run is null ? $"ReLU ({Name})" : Kind;
    }

    public static IReadOnlyList<Step> Of(ModelContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var model = context.Model;
        var calls = LayerInspection.Calls(model);
        var output = context.Output ?? throw new InvalidOperationException("No output yet: a 'When a random batch … passes through' step must come first.");
        var written = model.Calling(Operation.Relu);
        var steps = new List<Step>();
        for (var i = 0; i < calls.Count; i++)
        {
            steps.Add(new Step(calls[i].Kind, calls[i].Name, calls[i]));
            var next = i + 1 < calls.Count ? calls[i + 1].Input : output;
            if (!IsRelu(calls[i]) && AppliesRelu(calls[i].Output, next))
                steps.Add(new Step("ReLU", $"{(written.Count > 0 ? string.Join(" or ", written) : "applied in forward")}, measured after '{calls[i].Name}'", null));
        }
        return steps;
    }

    private static bool IsRelu(LayerRun run) => new LayerKinds(["ReLU"]).Matches(run.Module);

    // the next tensor is relu of this one, and the ReLU did something (some value was negative)
    private static bool AppliesRelu(Tensor given, Tensor received)
    {
        if (!given.shape.SequenceEqual(received.shape)) return false;
        using var scope = NewDisposeScope();
        var before = given.cpu();
        var after = received.cpu();
        return before.min().ToDouble() < 0 && (before - after).abs().max().ToDouble() > 0 && nn.functional.relu(before).allclose(after, rtol: 1e-5, atol: 1e-6);
    }
}
