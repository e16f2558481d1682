using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Examples.Seed003;

// Seed 003, the pooling task: two poolings of one kind, each followed by ReLU, then a Linear on the 7×7 that remain.

public sealed class SimplePoolNet : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> layer1;
    private readonly Module<Tensor, Tensor> layer2;
    private readonly ReLU act = ReLU();
    private readonly Linear fc = Linear(1 * 7 * 7, 10);

    public SimplePoolNet(string poolType = "max") : base(nameof(SimplePoolNet))
    {
        (layer1, layer2) = poolType switch
        {
            "max" => ((Module<Tensor, Tensor>)MaxPool2d(2, 2), (Module<Tensor, Tensor>)MaxPool2d(2, 2)),
            "avg" => (AvgPool2d(2, 2), AvgPool2d(2, 2)),
            _ => throw new ArgumentException("pool_type must be 'max' or 'avg'", nameof(poolType)),
        };
        RegisterComponents();
    }

    [PoolingTask(Role = "max")]
    public static SimplePoolNet Max() => new("max");

    [PoolingTask(Role = "avg")]
    public static SimplePoolNet Avg() => new("avg");

    public override Tensor forward(Tensor x)
    {
        x = act.call(layer1.call(x));
        x = act.call(layer2.call(x));
        return fc.call(x.flatten(1));
    }
}
