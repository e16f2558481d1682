// Mutant: none: the reference with its own padding=1 model (both convolutions padded by 1, (64, 17, 17)), a correct submission.
// Must pass: all
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.V2WithItsOwnPaddingOneModel;

[Variant(2)]
public sealed class BorderCroppingNet : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 1);
    private readonly Conv2d conv2 = Conv2d(32, 64, 2, stride: 2, padding: 0L);
    private readonly ReLU relu1 = ReLU(), relu2 = ReLU();

    public BorderCroppingNet() : base(nameof(BorderCroppingNet)) => RegisterComponents();

    public override Tensor forward(Tensor x) => relu2.call(conv2.call(relu1.call(conv1.call(x))));
}

[Variant(2, Role = "padding1")]
public sealed class PaddingOneNet : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 1);
    private readonly Conv2d conv2 = Conv2d(32, 64, 2, stride: 2, padding: 1);
    private readonly ReLU relu1 = ReLU(), relu2 = ReLU();

    public PaddingOneNet() : base(nameof(PaddingOneNet)) => RegisterComponents();

    public override Tensor forward(Tensor x) => relu2.call(conv2.call(relu1.call(conv1.call(x))));
}
