// Mutant: the second convolution gives 32 channels, so the output is (32, 16, 16).
// Must fail: The output is (64, 16, 16)
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.V2ThirtyTwoChannels;

[Variant(2)]
public sealed class BorderCroppingNet : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 1);
    private readonly Conv2d conv2 = Conv2d(32, 32, 2, stride: 2, padding: 0L);   // mutated: 64 → 32 channels
    private readonly ReLU relu1 = ReLU(), relu2 = ReLU();

    public BorderCroppingNet() : base(nameof(BorderCroppingNet)) => RegisterComponents();

    public override Tensor forward(Tensor x) => relu2.call(conv2.call(relu1.call(conv1.call(x))));
}
