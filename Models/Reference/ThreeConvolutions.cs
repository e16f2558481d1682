using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Models.Reference;

/// <summary>Variant 4's shared body: three convolutions take (B, 3, 32, 32) to (B, 128, 8, 8).</summary>
public sealed class ThreeConvolutions : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 1);     // (32, 32, 32)
    private readonly MaxPool2d pool1 = MaxPool2d(2);                   // → (32, 16, 16)
    private readonly Conv2d conv2 = Conv2d(32, 64, 3, padding: 1);    // (64, 16, 16)
    private readonly MaxPool2d pool2 = MaxPool2d(2);                   // → (64, 8, 8)
    private readonly Conv2d conv3 = Conv2d(64, 128, 3, padding: 1);   // (128, 8, 8)
    private readonly ReLU relu1 = ReLU(), relu2 = ReLU(), relu3 = ReLU();

    public ThreeConvolutions() : base(nameof(ThreeConvolutions)) => RegisterComponents();

    public override Tensor forward(Tensor x) =>
        relu3.call(conv3.call(pool2.call(relu2.call(conv2.call(pool1.call(relu1.call(conv1.call(x))))))));
}
