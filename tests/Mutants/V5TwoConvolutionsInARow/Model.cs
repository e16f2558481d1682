// Mutant: the ReLU between the second and the third convolution is left out, so two Conv2d run in a row.
// Must fail: At least 6 layers alternating Conv2d and ReLU, output (batch, 64, 8, 8)
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.V5TwoConvolutionsInARow;

[Variant(5)]
public sealed class AlternatingDepthNet : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 16, 3, stride: 2, padding: 1);
    private readonly ReLU relu1 = ReLU();
    private readonly Conv2d conv2 = Conv2d(16, 32, 3, stride: 2, padding: 1);
    private readonly ReLU relu2 = ReLU();
    private readonly Conv2d conv3 = Conv2d(32, 64, 3, padding: 1);
    private readonly ReLU relu3 = ReLU();

    public AlternatingDepthNet() : base(nameof(AlternatingDepthNet)) => RegisterComponents();

    public override Tensor forward(Tensor x) =>   // mutated: relu2 left out
        relu3.call(conv3.call(conv2.call(relu1.call(conv1.call(x)))));
}
