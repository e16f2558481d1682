using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>A set of layer types written as in the features: "Conv2d", "Conv2d or Linear".</summary>
public sealed record LayerKinds(IReadOnlyList<string> Names)
{
    public static LayerKinds Parse(string text) =>
        new(text.Split(" or ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public bool Matches(nn.Module module) => Names.Contains(module.GetType().Name);

    public override string ToString() => string.Join(" or ", Names);
}
