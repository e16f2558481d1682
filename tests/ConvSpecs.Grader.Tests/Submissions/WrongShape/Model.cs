using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Students.WrongShape;

[Variant(2)]
public sealed class Model : Module<Tensor, Tensor>
{
    private readonly Conv2d conv = Conv2d(3, 64, 4, stride: 4, padding: 0L);   // 32 → 8, not 16

    public Model() : base(nameof(Model)) => RegisterComponents();

    public override Tensor forward(Tensor x) => conv.call(x);
}
