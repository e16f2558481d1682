// Mutant: the MaxPool2d runs but its output is thrown away; a stride-2 convolution does the downsampling instead.
// Must fail: Both MaxPool2d and AdaptiveAvgPool2d
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.V6MaxPoolThrownAway;

[Variant(6)]
public sealed class IgnoredPoolNet : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 16, 3, stride: 2, padding: 1);   // 64 → 32
    private readonly ReLU relu1 = ReLU();
    private readonly MaxPool2d maxPool = MaxPool2d(2);
    private readonly Conv2d conv2 = Conv2d(16, 32, 3, padding: 1);
    private readonly ReLU relu2 = ReLU();
    private readonly AdaptiveAvgPool2d averagePool = AdaptiveAvgPool2d(8);      // 32 → 8

    public IgnoredPoolNet() : base(nameof(IgnoredPoolNet)) => RegisterComponents();

    public override Tensor forward(Tensor x)
    {
        var features = relu1.call(conv1.call(x));
        var pooled = maxPool.call(features);
        return averagePool.call(relu2.call(conv2.call(features)));
    }
}
