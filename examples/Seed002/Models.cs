using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Examples.Seed002;

// Seed 002, variants 2 and 3.

/// <summary>Variant 2: a 2×2, stride-2, padding-0 convolution halves 32 to 16.</summary>
[Variant(2, Role = "padding0")]
public sealed class ModelPad0 : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 32, 2, stride: 2, padding: 0L);   // 32 → 16
    private readonly ReLU act1 = ReLU();
    private readonly Conv2d conv2 = Conv2d(32, 64, 3, stride: 1, padding: 1L);  // 16 → 16
    private readonly ReLU act2 = ReLU();

    public ModelPad0() : base(nameof(ModelPad0)) => RegisterComponents();

    public override Tensor forward(Tensor x) => act2.call(conv2.call(act1.call(conv1.call(x))));
}

/// <summary>Variant 2's padding=1 counterpart: a 3×3, stride-2, padding-1 convolution also gives 16.</summary>
[Variant(2, Role = "padding1")]
public sealed class ModelPad1 : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 32, 3, stride: 2, padding: 1L);   // 32 → 16
    private readonly ReLU act1 = ReLU();
    private readonly Conv2d conv2 = Conv2d(32, 64, 3, stride: 1, padding: 1L);  // 16 → 16
    private readonly ReLU act2 = ReLU();

    public ModelPad1() : base(nameof(ModelPad1)) => RegisterComponents();

    public override Tensor forward(Tensor x) => act2.call(conv2.call(act1.call(conv1.call(x))));
}

/// <summary>Variant 3: 896 + 396 + 3 488 = 4 780 parameters, with a 1×1 bottleneck from 32 to 12 channels.</summary>
[Variant(3)]
public sealed class CompactNet : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 32, 3, stride: 1, padding: 1L);
    private readonly ReLU relu1 = ReLU();
    private readonly Conv2d conv1x1 = Conv2d(32, 12, 1, stride: 1, padding: 0L);
    private readonly ReLU relu2 = ReLU();
    private readonly Conv2d conv3 = Conv2d(12, 32, 3, stride: 1, padding: 1L);
    private readonly ReLU relu3 = ReLU();

    public CompactNet() : base(nameof(CompactNet)) => RegisterComponents();

    public override Tensor forward(Tensor x) =>
        relu3.call(conv3.call(relu2.call(conv1x1.call(relu1.call(conv1.call(x))))));
}
