using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Models.Reference;

/// <summary>
/// Variant 4, flatten head: the 128 × 8 × 8 maps flattened into one Linear. Only the head differs from
/// <see cref="GapHeadNet"/>, and the body is built first, so with the same seed both start from the same convolutions.
/// </summary>
[Variant(4, Role = "flatten")]
public sealed class FlattenHeadNet : Module<Tensor, Tensor>
{
    private readonly ThreeConvolutions body = new();
    private readonly Flatten flatten = Flatten();
    private readonly Linear classifier = Linear(128 * 8 * 8, 10);

    public FlattenHeadNet() : base(nameof(FlattenHeadNet)) => RegisterComponents();

    public override Tensor forward(Tensor x) => classifier.call(flatten.call(body.call(x)));
}
