using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Models.Reference;

/// <summary>
/// The pooling task: one 2×2 pooling (28 → 14), then a Linear on the 196 values; max or average pooling by role.
/// Without convolutions nothing learns features, so the Linear sees what the pooling keeps: one pooling keeps four
/// times more of each image than seed 003's two.
/// </summary>
public sealed class PoolingOnlyNet : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> pool;
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

    public override Tensor forward(Tensor x) => classifier.call(flatten.call(pool.call(x)));
}
