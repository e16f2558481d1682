// Mutant: the reference without RegisterComponents(): its layers run but TorchSharp does not know them, so a derived twin would be a fresh random model.
// Must fail: At most 3 convolution layers
// Must fail: At least one convolution has padding=0
// Must fail: Experiment: padding=0 against padding=1
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.V2LayersNotRegistered;

[Variant(2)]
public sealed class UnregisteredCroppingNet : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 1);            // 32 → 32
    private readonly Conv2d conv2 = Conv2d(32, 64, 2, stride: 2, padding: 0L); // 32 → 16
    private readonly ReLU relu1 = ReLU(), relu2 = ReLU();

    public UnregisteredCroppingNet() : base(nameof(UnregisteredCroppingNet)) { }

    public override Tensor forward(Tensor x) => relu2.call(conv2.call(relu1.call(conv1.call(x))));
}
