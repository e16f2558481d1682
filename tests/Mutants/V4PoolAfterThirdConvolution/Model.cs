// Mutant: the third convolution runs at 16×16 and a 2×2 pool brings its maps to (B, 128, 8, 8) before each head: a correct reading of the homework.
// Must pass: all
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.V4PoolAfterThirdConvolution;

/// <summary>Three convolutions; the last pool comes after the third one.</summary>
public sealed class LatePoolBody : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 1);     // (32, 32, 32)
    private readonly MaxPool2d pool1 = MaxPool2d(2);                   // → (32, 16, 16)
    private readonly Conv2d conv2 = Conv2d(32, 64, 3, padding: 1);    // (64, 16, 16)
    private readonly Conv2d conv3 = Conv2d(64, 128, 3, padding: 1);   // (128, 16, 16)
    private readonly MaxPool2d pool2 = MaxPool2d(2);                   // → (128, 8, 8)
    private readonly ReLU relu1 = ReLU(), relu2 = ReLU(), relu3 = ReLU();

    public LatePoolBody() : base(nameof(LatePoolBody)) => RegisterComponents();

    public override Tensor forward(Tensor x) =>
        pool2.call(relu3.call(conv3.call(relu2.call(conv2.call(pool1.call(relu1.call(conv1.call(x))))))));
}

[Variant(4, Role = "flatten")]
public sealed class LatePoolFlattenNet : Module<Tensor, Tensor>
{
    private readonly LatePoolBody body = new();
    private readonly Flatten flatten = Flatten();
    private readonly Linear classifier = Linear(128 * 8 * 8, 10);

    public LatePoolFlattenNet() : base(nameof(LatePoolFlattenNet)) => RegisterComponents();

    public override Tensor forward(Tensor x) => classifier.call(flatten.call(body.call(x)));
}

[Variant(4, Role = "gap")]
public sealed class LatePoolGapNet : Module<Tensor, Tensor>
{
    private readonly LatePoolBody body = new();
    private readonly AdaptiveAvgPool2d gap = AdaptiveAvgPool2d(1);
    private readonly Flatten flatten = Flatten();
    private readonly Linear classifier = Linear(128, 10);

    public LatePoolGapNet() : base(nameof(LatePoolGapNet)) => RegisterComponents();

    public override Tensor forward(Tensor x) => classifier.call(flatten.call(gap.call(body.call(x))));
}
