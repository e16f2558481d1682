// Mutant: two 3x3 convolutions with padding 1 are added before the last, so four Conv2d run (output still (64, 16, 16)).
// Must fail: At most 3 convolution layers
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.V2FourConvolutions;

[Variant(2)]
public sealed class BorderCroppingNet : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 1);
    private readonly Conv2d extra1 = Conv2d(32, 32, 3, padding: 1);   // mutated: added
    private readonly Conv2d extra2 = Conv2d(32, 32, 3, padding: 1);   // mutated: added
    private readonly Conv2d conv2 = Conv2d(32, 64, 2, stride: 2, padding: 0L);
    private readonly ReLU relu1 = ReLU(), relu2 = ReLU();

    public BorderCroppingNet() : base(nameof(BorderCroppingNet)) => RegisterComponents();

    public override Tensor forward(Tensor x) => relu2.call(conv2.call(extra2.call(extra1.call(relu1.call(conv1.call(x))))));
}
