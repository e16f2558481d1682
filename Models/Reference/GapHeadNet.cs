using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Models.Reference;

/// <summary>Variant 4, GAP head: each of the 128 maps averaged to one value, then one Linear (see <see cref="FlattenHeadNet"/>).</summary>
[Variant(4, Role = "gap")]
public sealed class GapHeadNet : Module<Tensor, Tensor>
{
    private readonly ThreeConvolutions body = new();
    private readonly AdaptiveAvgPool2d gap = AdaptiveAvgPool2d(1);
    private readonly Flatten flatten = Flatten();
    private readonly Linear classifier = Linear(128, 10);

    public GapHeadNet() : base(nameof(GapHeadNet)) => RegisterComponents();

    public override Tensor forward(Tensor x) => classifier.call(flatten.call(gap.call(body.call(x))));
}
