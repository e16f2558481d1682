using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Examples.Seed000;

// Seed 000, variant 4: three convolutions reach (B, 128, 8, 8); one head flattens, the other pools.

[Variant(4, Role = "flatten")]
public sealed class ConvNetFlatten : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 1);    // → (32, 32, 32)
    private readonly MaxPool2d pool = MaxPool2d(2, 2);               // 32 → 16, then 16 → 8
    private readonly Conv2d conv2 = Conv2d(32, 64, 3, padding: 1);   // → (64, 16, 16)
    private readonly Conv2d conv3 = Conv2d(64, 128, 3, padding: 1);  // → (128, 8, 8)
    private readonly ReLU relu = ReLU();
    private readonly Flatten flatten = Flatten();
    private readonly Linear fc1 = Linear(128 * 8 * 8, 128);
    private readonly Linear fc2 = Linear(128, 10);

    public ConvNetFlatten() : base(nameof(ConvNetFlatten)) => RegisterComponents();

    public override Tensor forward(Tensor x)
    {
        x = pool.call(relu.call(conv1.call(x)));
        x = pool.call(relu.call(conv2.call(x)));
        x = relu.call(conv3.call(x));
        return fc2.call(relu.call(fc1.call(flatten.call(x))));
    }
}

[Variant(4, Role = "gap")]
public sealed class ConvNetGap : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 1);
    private readonly MaxPool2d pool = MaxPool2d(2, 2);
    private readonly Conv2d conv2 = Conv2d(32, 64, 3, padding: 1);
    private readonly Conv2d conv3 = Conv2d(64, 128, 3, padding: 1);
    private readonly ReLU relu = ReLU();
    private readonly AdaptiveAvgPool2d gap = AdaptiveAvgPool2d(1);
    private readonly Flatten flatten = Flatten();
    private readonly Linear fc = Linear(128, 10);

    public ConvNetGap() : base(nameof(ConvNetGap)) => RegisterComponents();

    public override Tensor forward(Tensor x)
    {
        x = pool.call(relu.call(conv1.call(x)));
        x = pool.call(relu.call(conv2.call(x)));
        x = relu.call(conv3.call(x));
        return fc.call(flatten.call(gap.call(x)));
    }
}
