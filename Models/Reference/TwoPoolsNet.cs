using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Models.Reference;

/// <summary>Variant 6: (3, 64, 64) → (32, 8, 8) through a MaxPool2d and an AdaptiveAvgPool2d.</summary>
[Variant(6)]
public sealed class TwoPoolsNet : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 16, 3, padding: 1);
    private readonly ReLU relu1 = ReLU();
    private readonly MaxPool2d maxPool = MaxPool2d(2);                    // 64 → 32
    private readonly Conv2d conv2 = Conv2d(16, 32, 3, padding: 1);
    private readonly ReLU relu2 = ReLU();
    private readonly AdaptiveAvgPool2d averagePool = AdaptiveAvgPool2d(8); // 32 → 8

    public TwoPoolsNet() : base(nameof(TwoPoolsNet)) => RegisterComponents();

    public override Tensor forward(Tensor x) =>
        averagePool.call(relu2.call(conv2.call(maxPool.call(relu1.call(conv1.call(x))))));
}
