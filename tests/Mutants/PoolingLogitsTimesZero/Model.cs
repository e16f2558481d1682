// Mutant: both models multiply their logits by 0 (a mis-set temperature), so they cannot learn.
// Must fail: Experiment: trained the same way, both versions learn and then level off
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.PoolingLogitsTimesZero;

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

    public override Tensor forward(Tensor x) => classifier.call(flatten.call(pool.call(x))) * 0;   // mutated: × 0
}
