using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Students.HugeModel;

// a table of 3·10⁸ weights (1.2 GB), filled at once so that the limit, not the 3 s timeout, stops it
[Variant(3)]
public sealed class Model : Module<Tensor, Tensor>
{
    private readonly Conv2d squeeze = Conv2d(3, 3, 1);
    private readonly Parameter table = Parameter(ones(300_000_000));

    public Model() : base(nameof(Model)) => RegisterComponents();

    public override Tensor forward(Tensor x) => squeeze.call(x) * table[0];
}
