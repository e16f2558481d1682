// Mutant: the reference with a wider last convolution (60 914 parameters in all) and no RegisterComponents(): TorchSharp counts 0 parameters.
// Must fail: At most 50 000 parameters
// Must fail: A 1x1 convolution reduces the number of channels
// Must fail: Experiment: parameters per layer against the limit
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.V3LayersNotRegistered;

[Variant(3)]
public sealed class UnregisteredBottleneckNet : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 1);
    private readonly Conv2d squeeze = Conv2d(32, 8, 1);
    private readonly Conv2d conv3 = Conv2d(8, 32, 3, padding: 1);
    private readonly MaxPool2d pool = MaxPool2d(2);
    private readonly Conv2d conv4 = Conv2d(32, 192, 3, padding: 1);
    private readonly AdaptiveAvgPool2d gap = AdaptiveAvgPool2d(1);
    private readonly Flatten flatten = Flatten();
    private readonly Linear classifier = Linear(192, 10);
    private readonly ReLU relu1 = ReLU(), relu2 = ReLU(), relu3 = ReLU(), relu4 = ReLU();

    public UnregisteredBottleneckNet() : base(nameof(UnregisteredBottleneckNet)) { }

    public override Tensor forward(Tensor x)
    {
        var features = pool.call(relu3.call(conv3.call(relu2.call(squeeze.call(relu1.call(conv1.call(x)))))));
        return classifier.call(flatten.call(gap.call(relu4.call(conv4.call(features)))));
    }
}
