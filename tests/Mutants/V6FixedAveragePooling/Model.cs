// Mutant: the last pooling is an AvgPool2d(4) instead of an AdaptiveAvgPool2d(8) (same output, (32, 8, 8)).
// Must fail: Both MaxPool2d and AdaptiveAvgPool2d
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.V6FixedAveragePooling;

[Variant(6)]
public sealed class TwoPoolsNet : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 16, 3, padding: 1);
    private readonly ReLU relu1 = ReLU();
    private readonly MaxPool2d maxPool = MaxPool2d(2);
    private readonly Conv2d conv2 = Conv2d(16, 32, 3, padding: 1);
    private readonly ReLU relu2 = ReLU();
    private readonly AvgPool2d averagePool = AvgPool2d(4);   // mutated: AdaptiveAvgPool2d(8) → AvgPool2d(4)

    public TwoPoolsNet() : base(nameof(TwoPoolsNet)) => RegisterComponents();

    public override Tensor forward(Tensor x) =>
        averagePool.call(relu2.call(conv2.call(maxPool.call(relu1.call(conv1.call(x))))));
}
