// Mutant: a 1x1 convolution runs before the pooling.
// Must fail: No convolution: pooling layers and activations only, then a Linear
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.PoolingAfterAConvolution;

public sealed class PoolingOnlyNet : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> pool;
    private readonly Conv2d conv = Conv2d(1, 1, 1);   // mutated: added
    private readonly Flatten flatten = Flatten();
    private readonly Linear classifier = Linear(14 * 14, 10);

    private PoolingOnlyNet(Module<Tensor, Tensor> pool) : base(nameof(PoolingOnlyNet))
    {
        this.pool = pool;
        RegisterComponents();
    }

    [PoolingTask(Role = "max")]
    public static PoolingOnlyNet WithMaxPooling() => new(MaxPool2d(2));

    [PoolingTask(Role = "avg")]
    public static PoolingOnlyNet WithAveragePooling() => new(AvgPool2d(2));

    public override Tensor forward(Tensor x) => classifier.call(flatten.call(pool.call(conv.call(x))));
}
