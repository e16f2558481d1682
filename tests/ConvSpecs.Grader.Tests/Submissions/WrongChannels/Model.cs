using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Students.WrongChannels;

[Variant(2)]
public sealed class Model : Module<Tensor, Tensor>
{
    private readonly Conv2d conv = Conv2d(1, 64, 2, stride: 2, padding: 0L);   // grayscale, but the input is RGB

    public Model() : base(nameof(Model)) => RegisterComponents();

    public override Tensor forward(Tensor x) => conv.call(x);
}
