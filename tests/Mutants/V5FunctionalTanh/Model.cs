// Mutant: the reference's ReLUs replaced by functional.tanh: the layers do not alternate Conv2d and ReLU.
// Must fail: At least 6 layers alternating Conv2d and ReLU, output (batch, 64, 8, 8)
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.V5FunctionalTanh;

[Variant(5)]
public sealed class FunctionalTanhNet : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 16, 3, stride: 2, padding: 1);   // 32 → 16
    private readonly Conv2d conv2 = Conv2d(16, 32, 3, stride: 2, padding: 1);  // 16 → 8
    private readonly Conv2d conv3 = Conv2d(32, 64, 3, padding: 1);             // 8 → 8

    public FunctionalTanhNet() : base(nameof(FunctionalTanhNet)) => RegisterComponents();

    public override Tensor forward(Tensor x) =>
        functional.tanh(conv3.call(functional.tanh(conv2.call(functional.tanh(conv1.call(x))))));
}
