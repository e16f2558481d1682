// Mutant: the Linear gives 9 class scores instead of 10.
// Must fail: One 28×28 image gives 10 class scores
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.PoolingNineClasses;

public sealed class PoolingOnlyNet : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> pool;
    private readonly Flatten flatten = Flatten();
    private readonly Linear classifier = Linear(14 * 14, 9);   // mutated: 10 → 9 classes

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
