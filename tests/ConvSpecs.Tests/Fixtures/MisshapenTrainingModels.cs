using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

// A variant 4 pair that trains (it gives 10 scores per image) but breaks the shape rule: its convolutions give
// (B, 128, 16, 16), not (B, 128, 8, 8). The experiment must not train it.

namespace ConvSpecs.Tests.Fixtures.WideConvMaps
{
    [Variant(4, Role = "flatten")]
    public sealed class FlattenNet : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 1);
        private readonly Conv2d conv2 = Conv2d(32, 64, 3, stride: 2, padding: 1);
        private readonly Conv2d conv3 = Conv2d(64, 128, 3, padding: 1);
        private readonly Flatten flatten = Flatten();
        private readonly Linear fc = Linear(128 * 16 * 16, 10);

        public FlattenNet() : base(nameof(FlattenNet)) => RegisterComponents();

        public override Tensor forward(Tensor x) => fc.call(flatten.call(conv3.call(conv2.call(conv1.call(x)))));
    }

    [Variant(4, Role = "gap")]
    public sealed class GapNet : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 1);
        private readonly Conv2d conv2 = Conv2d(32, 64, 3, stride: 2, padding: 1);
        private readonly Conv2d conv3 = Conv2d(64, 128, 3, padding: 1);
        private readonly AdaptiveAvgPool2d pool = AdaptiveAvgPool2d(1);
        private readonly Flatten flatten = Flatten();
        private readonly Linear fc = Linear(128, 10);

        public GapNet() : base(nameof(GapNet)) => RegisterComponents();

        public override Tensor forward(Tensor x) => fc.call(flatten.call(pool.call(conv3.call(conv2.call(conv1.call(x))))));
    }
}
