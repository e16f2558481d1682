// Mutant: 16-channel middle layers (2 304 weights each) initialised with exactly the right distributions, where one draw misses ±5 % for some seeds.
// Must pass: all
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.V1SmallLayersExactInitialisation;

[Variant(1)]
public sealed class SmallVarianceNet : Module<Tensor, Tensor>
{
    private const double BaseVariance = 0.01;

    private readonly Conv2d conv1 = Conv2d(3, 16, 3, stride: 2, padding: 1, bias: false);   // 32 → 16
    private readonly Conv2d conv2 = Conv2d(16, 16, 3, stride: 2, padding: 1, bias: false);  // 16 → 8
    private readonly Conv2d conv3 = Conv2d(16, 16, 3, stride: 2, padding: 1, bias: false);  // 8 → 4
    private readonly Conv2d conv4 = Conv2d(16, 16, 3, stride: 2, padding: 1, bias: false);  // 4 → 2
    private readonly Conv2d conv5 = Conv2d(16, 512, 2, bias: false);                        // 2 → 1
    private readonly ReLU relu1 = ReLU(), relu2 = ReLU(), relu3 = ReLU(), relu4 = ReLU();

    public SmallVarianceNet() : base(nameof(SmallVarianceNet))
    {
        init.normal_(conv2.weight, std: Math.Sqrt(BaseVariance));
        init.normal_(conv3.weight, std: Math.Sqrt(2 * BaseVariance));
        init.normal_(conv4.weight, std: Math.Sqrt(BaseVariance));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) =>
        conv5.call(relu4.call(conv4.call(relu3.call(conv3.call(relu2.call(conv2.call(relu1.call(conv1.call(x)))))))));
}
