// Mutant: the halving convolution is 3x3 with padding 1 (32 → 16 still), so no convolution has padding 0.
// Must fail: At least one convolution has padding=0
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.V2NoPaddingZero;

[Variant(2)]
public sealed class BorderCroppingNet : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 1);
    private readonly Conv2d conv2 = Conv2d(32, 64, 3, stride: 2, padding: 1);   // mutated: kernel 2, padding 0 → kernel 3, padding 1
    private readonly ReLU relu1 = ReLU(), relu2 = ReLU();

    public BorderCroppingNet() : base(nameof(BorderCroppingNet)) => RegisterComponents();

    public override Tensor forward(Tensor x) => relu2.call(conv2.call(relu1.call(conv1.call(x))));
}
