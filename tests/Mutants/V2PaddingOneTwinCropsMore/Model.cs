// Mutant: the submission's own padding=1 model has padding 0 in both convolutions, so it gives (64, 15, 15): fewer positions than padding=0's.
// Must fail: Experiment: padding=0 against padding=1
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.V2PaddingOneTwinCropsMore;

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
    private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 0L);   // mutated: the "padding=1" model pads nothing
    private readonly Conv2d conv2 = Conv2d(32, 64, 2, stride: 2, padding: 0L);
    private readonly ReLU relu1 = ReLU(), relu2 = ReLU();

    public PaddingOneNet() : base(nameof(PaddingOneNet)) => RegisterComponents();

    public override Tensor forward(Tensor x) => relu2.call(conv2.call(relu1.call(conv1.call(x))));
}
