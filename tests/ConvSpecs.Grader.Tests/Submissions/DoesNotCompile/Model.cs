using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Students.DoesNotCompile;

// a missing semicolon and an unknown layer: the verdict lists both, with file and line
[Variant(2)]
public sealed class Model : Module<Tensor, Tensor>
{
    private readonly Conv2d conv = Conv2d(3, 64, 2, stride: 2, padding: 0L)
    private readonly Conv3x3 extra = new();

    public Model() : base(nameof(Model)) => RegisterComponents();

    public override Tensor forward(Tensor x) => conv.call(x);
}
