// Mutant: the reference with a functional tanh at the end of forward: not positively homogeneous, so the experiment may only report its ratio.
// Must pass: all
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.V1FunctionalTanhOutput;

[Variant(1)]
public sealed class TanhEndingNet : Module<Tensor, Tensor>
{
    private const double BaseVariance = 0.002;

    private readonly Conv2d conv1 = Conv2d(3, 64, 3, stride: 2, padding: 1, bias: false);
    private readonly Conv2d conv2 = Conv2d(64, 128, 3, stride: 2, padding: 1, bias: false);
    private readonly Conv2d conv3 = Conv2d(128, 256, 3, stride: 2, padding: 1, bias: false);
    private readonly Conv2d conv4 = Conv2d(256, 512, 3, stride: 2, padding: 1, bias: false);
    private readonly Conv2d conv5 = Conv2d(512, 512, 2, bias: false);
    private readonly ReLU relu1 = ReLU(), relu2 = ReLU(), relu3 = ReLU(), relu4 = ReLU();

    public TanhEndingNet() : base(nameof(TanhEndingNet))
    {
        init.normal_(conv2.weight, std: Math.Sqrt(BaseVariance));
        init.normal_(conv3.weight, std: Math.Sqrt(2 * BaseVariance));
        init.normal_(conv4.weight, std: Math.Sqrt(BaseVariance));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) =>
        functional.tanh(conv5.call(relu4.call(conv4.call(relu3.call(conv3.call(relu2.call(conv2.call(relu1.call(conv1.call(x))))))))));
}
