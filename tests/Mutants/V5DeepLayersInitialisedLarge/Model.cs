// Mutant: the second and third convolutions are initialised with standard deviation 1 (about 30 times the default), which makes the first layer's gradient the larger.
// Must fail: The first layer's gradients are smaller than the last layer's
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.V5DeepLayersInitialisedLarge;

[Variant(5)]
public sealed class AlternatingDepthNet : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 16, 3, stride: 2, padding: 1);
    private readonly ReLU relu1 = ReLU();
    private readonly Conv2d conv2 = Conv2d(16, 32, 3, stride: 2, padding: 1);
    private readonly ReLU relu2 = ReLU();
    private readonly Conv2d conv3 = Conv2d(32, 64, 3, padding: 1);
    private readonly ReLU relu3 = ReLU();

    public AlternatingDepthNet() : base(nameof(AlternatingDepthNet))
    {
        init.normal_(conv2.weight, std: 1.0);   // mutated: added
        init.normal_(conv3.weight, std: 1.0);   // mutated: added
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) =>
        relu3.call(conv3.call(relu2.call(conv2.call(relu1.call(conv1.call(x))))));
}
