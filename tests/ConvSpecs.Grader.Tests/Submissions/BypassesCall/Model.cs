using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Students.BypassesCall;

[Variant(2)]
public sealed class Model : Module<Tensor, Tensor>
{
    private readonly Conv2d conv = Conv2d(3, 64, 2, stride: 2, padding: 0L);

    public Model() : base(nameof(Model)) => RegisterComponents();

    // .forward skips the hooks, so the specs cannot see this layer
    public override Tensor forward(Tensor x) => conv.forward(x);
}
