// Mutant: the 1x1 convolution widens 32 channels to 48 instead of reducing them.
// Must fail: A 1x1 convolution reduces the number of channels
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.V3OneByOneWidens;

[Variant(3)]
public sealed class BottleneckNet : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 1);
    private readonly Conv2d squeeze = Conv2d(32, 48, 1);   // mutated: 8 → 48 output channels
    private readonly Conv2d conv3 = Conv2d(48, 32, 3, padding: 1);
    private readonly Conv2d conv4 = Conv2d(32, 64, 3, padding: 1);
    private readonly Linear classifier = Linear(64, 10);
    private readonly MaxPool2d pool = MaxPool2d(2);
    private readonly AdaptiveAvgPool2d gap = AdaptiveAvgPool2d(1);
    private readonly Flatten flatten = Flatten();
    private readonly ReLU relu1 = ReLU(), relu2 = ReLU(), relu3 = ReLU(), relu4 = ReLU();

    public BottleneckNet() : base(nameof(BottleneckNet)) => RegisterComponents();

    public override Tensor forward(Tensor x)
    {
        var features = pool.call(relu3.call(conv3.call(relu2.call(squeeze.call(relu1.call(conv1.call(x)))))));
        return classifier.call(flatten.call(gap.call(relu4.call(conv4.call(features)))));
    }
}
