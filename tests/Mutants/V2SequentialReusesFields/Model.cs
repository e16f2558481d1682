// Mutant: the reference's layers held in fields and again in a Sequential, so each is registered twice: a correct model.
// Must pass: all
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.V2SequentialReusesFields;

[Variant(2)]
public sealed class SequentialCroppingNet : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 1);            // 32 → 32
    private readonly Conv2d conv2 = Conv2d(32, 64, 2, stride: 2, padding: 0L); // 32 → 16
    private readonly ReLU relu1 = ReLU(), relu2 = ReLU();
    private readonly Sequential layers;

    public SequentialCroppingNet() : base(nameof(SequentialCroppingNet))
    {
        layers = Sequential(conv1, relu1, conv2, relu2);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => layers.call(x);
}
