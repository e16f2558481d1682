// Mutant: the convolution that squeezes 32 channels to 8 is 3x3 (padding 1), so no 1x1 convolution remains.
// Must fail: A 1x1 convolution reduces the number of channels
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.V3SqueezeIs3x3;

[Variant(3)]
public sealed class BottleneckNet : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 1);
    private readonly Conv2d squeeze = Conv2d(32, 8, 3, padding: 1);   // mutated: kernel 1 → 3
    private readonly Conv2d conv3 = Conv2d(8, 32, 3, padding: 1);
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
