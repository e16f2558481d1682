// Mutant: the gap head pools each map to its maximum (AdaptiveMaxPool2d) instead of its average.
// Must fail: The gap head is global average pooling → Linear
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.V4GlobalMaxPooling;

public sealed class ThreeConvolutions : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 1);
    private readonly MaxPool2d pool1 = MaxPool2d(2);
    private readonly Conv2d conv2 = Conv2d(32, 64, 3, padding: 1);
    private readonly MaxPool2d pool2 = MaxPool2d(2);
    private readonly Conv2d conv3 = Conv2d(64, 128, 3, padding: 1);
    private readonly ReLU relu1 = ReLU(), relu2 = ReLU(), relu3 = ReLU();

    public ThreeConvolutions() : base(nameof(ThreeConvolutions)) => RegisterComponents();

    public override Tensor forward(Tensor x) =>
        relu3.call(conv3.call(pool2.call(relu2.call(conv2.call(pool1.call(relu1.call(conv1.call(x))))))));
}

[Variant(4, Role = "flatten")]
public sealed class FlattenHeadNet : Module<Tensor, Tensor>
{
    private readonly ThreeConvolutions body = new();
    private readonly Linear classifier = Linear(128 * 8 * 8, 10);
    private readonly Flatten flatten = Flatten();

    public FlattenHeadNet() : base(nameof(FlattenHeadNet)) => RegisterComponents();

    public override Tensor forward(Tensor x) => classifier.call(flatten.call(body.call(x)));
}

[Variant(4, Role = "gap")]
public sealed class GapHeadNet : Module<Tensor, Tensor>
{
    private readonly ThreeConvolutions body = new();
    private readonly AdaptiveMaxPool2d gap = AdaptiveMaxPool2d([1, 1]);   // mutated: max instead of average
    private readonly Flatten flatten = Flatten();
    private readonly Linear classifier = Linear(128, 10);

    public GapHeadNet() : base(nameof(GapHeadNet)) => RegisterComponents();

    public override Tensor forward(Tensor x) => classifier.call(flatten.call(gap.call(body.call(x))));
}
