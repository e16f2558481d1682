using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Students.ExitsInForward;

[Variant(2)]
public sealed class Model : Module<Tensor, Tensor>
{
    private readonly Conv2d conv = Conv2d(3, 64, 2, stride: 2, padding: 0L);

    public Model() : base(nameof(Model)) => RegisterComponents();

    public override Tensor forward(Tensor x)
    {
        Environment.Exit(0);   // "done": ends the grader's process too, if it ran in it
        return conv.call(x);
    }
}
