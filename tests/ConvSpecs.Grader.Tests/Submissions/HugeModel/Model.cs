using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Students.HugeModel;

// 3·32·32 inputs × 32 768 outputs ≈ 10⁸ weights: about 400 MB of parameters
[Variant(3)]
public sealed class Model : Module<Tensor, Tensor>
{
    private readonly Conv2d squeeze = Conv2d(3, 3, 1);
    private readonly Linear classifier = Linear(3 * 32 * 32, 32_768);

    public Model() : base(nameof(Model)) => RegisterComponents();

    public override Tensor forward(Tensor x) => classifier.call(squeeze.call(x).flatten(1));
}
