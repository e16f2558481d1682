// Mutant: the reference's five convolutions plus a functional conv2d on a registered 512×512 Parameter, six layers with weights.
// Must fail: One input becomes (1, 512, 1, 1) in exactly 5 layers
// Must fail: The third layer's weight variance is twice the second's and the fourth's
// Must fail: Experiment: the larger variance widens the activations after GAP
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.V1ExtraFunctionalConvolution;

[Variant(1)]
public sealed class SixLayerNet : Module<Tensor, Tensor>
{
    private const double BaseVariance = 0.002;

    private readonly Conv2d conv1 = Conv2d(3, 64, 3, stride: 2, padding: 1, bias: false);
    private readonly Conv2d conv2 = Conv2d(64, 128, 3, stride: 2, padding: 1, bias: false);
    private readonly Conv2d conv3 = Conv2d(128, 256, 3, stride: 2, padding: 1, bias: false);
    private readonly Conv2d conv4 = Conv2d(256, 512, 3, stride: 2, padding: 1, bias: false);
    private readonly Conv2d conv5 = Conv2d(512, 512, 2, bias: false);
    private readonly Parameter mixing = new(randn(512, 512, 1, 1) * 0.04);
    private readonly ReLU relu1 = ReLU(), relu2 = ReLU(), relu3 = ReLU(), relu4 = ReLU();

    public SixLayerNet() : base(nameof(SixLayerNet))
    {
        init.normal_(conv2.weight, std: Math.Sqrt(BaseVariance));
        init.normal_(conv3.weight, std: Math.Sqrt(2 * BaseVariance));
        init.normal_(conv4.weight, std: Math.Sqrt(BaseVariance));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) =>
        functional.conv2d(conv5.call(relu4.call(conv4.call(relu3.call(conv3.call(relu2.call(conv2.call(relu1.call(conv1.call(x))))))))), mixing);
}
