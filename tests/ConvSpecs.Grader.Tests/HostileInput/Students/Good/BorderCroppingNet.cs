using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Students.HostileInput.Good;

/// <summary>
/// Variant 2: two convolutions give (64, 16, 16); the second has padding 0. Its padding=1 twin is
/// derived by the specs (same weights, input zero-padded by one), so no second class is needed.
/// </summary>
[Variant(2)]
public sealed class BorderCroppingNet : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 1);            // 32 → 32
    private readonly Conv2d conv2 = Conv2d(32, 64, 2, stride: 2, padding: 0L); // 32 → 16
    private readonly ReLU relu1 = ReLU(), relu2 = ReLU();

    public BorderCroppingNet() : base(nameof(BorderCroppingNet)) => RegisterComponents();

    public override Tensor forward(Tensor x) => relu2.call(conv2.call(relu1.call(conv1.call(x))));
}
