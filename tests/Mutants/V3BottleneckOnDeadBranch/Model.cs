// Mutant: the 1×1 convolution runs on a side branch whose result is thrown away; the main path keeps its 32 channels.
// Must fail: A 1x1 convolution reduces the number of channels
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.V3BottleneckOnDeadBranch;

[Variant(3)]
public sealed class SideBranchNet : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 1);
    private readonly Conv2d squeeze = Conv2d(32, 8, 1);
    private readonly Conv2d conv3 = Conv2d(32, 32, 3, padding: 1);
    private readonly MaxPool2d pool = MaxPool2d(2);
    private readonly Conv2d conv4 = Conv2d(32, 64, 3, padding: 1);
    private readonly AdaptiveAvgPool2d gap = AdaptiveAvgPool2d(1);
    private readonly Flatten flatten = Flatten();
    private readonly Linear classifier = Linear(64, 10);
    private readonly ReLU relu1 = ReLU(), relu2 = ReLU(), relu3 = ReLU(), relu4 = ReLU();

    public SideBranchNet() : base(nameof(SideBranchNet)) => RegisterComponents();

    public override Tensor forward(Tensor x)
    {
        var stem = relu1.call(conv1.call(x));
        var unused = relu2.call(squeeze.call(stem));
        var features = pool.call(relu3.call(conv3.call(stem)));
        return classifier.call(flatten.call(gap.call(relu4.call(conv4.call(features)))));
    }
}
