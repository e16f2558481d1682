// Mutant: functional.pad(x, 1) in front of the padding-0 convolution, which is then in effect padding 1 and loses no border.
// Must fail: At least one convolution has padding=0
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.V2PadBeforeValidConvolution;

[Variant(2)]
public sealed class PaddedByHandNet : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 0L);            // 34 → 32
    private readonly Conv2d conv2 = Conv2d(32, 64, 3, stride: 2, padding: 1);  // 32 → 16
    private readonly ReLU relu1 = ReLU(), relu2 = ReLU();

    public PaddedByHandNet() : base(nameof(PaddedByHandNet)) => RegisterComponents();

    public override Tensor forward(Tensor x) =>
        relu2.call(conv2.call(relu1.call(conv1.call(functional.pad(x, [1, 1, 1, 1])))));
}
