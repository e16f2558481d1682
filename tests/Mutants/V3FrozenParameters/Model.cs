// Mutant: the reference with a frozen 7×7 convolution of 200 704 parameters (requires_grad = false): 22 642 trainable, 223 346 in all.
// Must fail: At most 50 000 parameters
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.V3FrozenParameters;

[Variant(3)]
public sealed class FrozenFilterNet : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 1);
    private readonly Conv2d squeeze = Conv2d(32, 8, 1);
    private readonly Conv2d conv3 = Conv2d(8, 32, 3, padding: 1);
    private readonly MaxPool2d pool = MaxPool2d(2);
    private readonly Conv2d conv4 = Conv2d(32, 64, 3, padding: 1);
    private readonly Conv2d frozen = Conv2d(64, 64, 7, padding: 3, bias: false);
    private readonly AdaptiveAvgPool2d gap = AdaptiveAvgPool2d(1);
    private readonly Flatten flatten = Flatten();
    private readonly Linear classifier = Linear(64, 10);
    private readonly ReLU relu1 = ReLU(), relu2 = ReLU(), relu3 = ReLU(), relu4 = ReLU();

    public FrozenFilterNet() : base(nameof(FrozenFilterNet))
    {
        RegisterComponents();
        frozen.weight!.requires_grad = false;
    }

    public override Tensor forward(Tensor x)
    {
        var features = pool.call(relu3.call(conv3.call(relu2.call(squeeze.call(relu1.call(conv1.call(x)))))));
        return classifier.call(flatten.call(gap.call(frozen.call(relu4.call(conv4.call(features))))));
    }
}
