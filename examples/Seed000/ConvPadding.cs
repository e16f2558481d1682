using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Examples.Seed000;

// Seed 000, variant 2: one 3×3 convolution on an 18×18 input; padding 0 gives (64, 16, 16).

[Variant(2, Role = "padding0", Input = new[] { 3, 18, 18 })]
public sealed class ConvPadding0 : Module<Tensor, Tensor>
{
    private readonly Conv2d conv = Conv2d(3, 64, 3, stride: 1, padding: 0L);
    private readonly ReLU relu = ReLU();

    public ConvPadding0() : base(nameof(ConvPadding0)) => RegisterComponents();

    public override Tensor forward(Tensor x) => relu.call(conv.call(x));
}

[Variant(2, Role = "padding1", Input = new[] { 3, 18, 18 })]
public sealed class ConvPadding1 : Module<Tensor, Tensor>
{
    private readonly Conv2d conv = Conv2d(3, 64, 3, stride: 1, padding: 1L);
    private readonly ReLU relu = ReLU();

    public ConvPadding1() : base(nameof(ConvPadding1)) => RegisterComponents();

    public override Tensor forward(Tensor x) => relu.call(conv.call(x));
}
