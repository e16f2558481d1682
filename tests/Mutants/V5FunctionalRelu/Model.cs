// Mutant: the reference's ReLUs written as functional.relu in forward, as seeds 001 and 002 write them: a correct model.
// Must pass: all
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.V5FunctionalRelu;

[Variant(5)]
public sealed class FunctionalReluNet : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 16, 3, stride: 2, padding: 1);   // 32 → 16
    private readonly Conv2d conv2 = Conv2d(16, 32, 3, stride: 2, padding: 1);  // 16 → 8
    private readonly Conv2d conv3 = Conv2d(32, 64, 3, padding: 1);             // 8 → 8

    public FunctionalReluNet() : base(nameof(FunctionalReluNet)) => RegisterComponents();

    public override Tensor forward(Tensor x) =>
        functional.relu(conv3.call(functional.relu(conv2.call(functional.relu(conv1.call(x))))));
}
