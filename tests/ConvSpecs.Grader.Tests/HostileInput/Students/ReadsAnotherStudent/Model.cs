using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Students.ReadsAnotherStudent;

/// <summary>Reads another student's sources at run time: refused when compiled, so it never runs.</summary>
[Variant(2)]
public sealed class Model : Module<Tensor, Tensor>
{
    private readonly Conv2d conv = Conv2d(3, 64, 2, stride: 2, padding: 0L);

    public Model() : base(nameof(Model)) => RegisterComponents();

    public override Tensor forward(Tensor x)
    {
        Console.WriteLine(File.ReadAllText("../Good/BottleneckNet.cs"));
        return conv.call(x);
    }
}
