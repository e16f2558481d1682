using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

// Variant 4 and pooling-task models that break a rule of their structure, one submission (namespace) each.

namespace ConvSpecs.Tests.Fixtures.GlobalMaxHead
{
    /// <summary>Pools each map to its maximum, not its average.</summary>
    [Variant(4, Role = "gap")]
    public sealed class Model : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv1 = Conv2d(3, 32, 3, stride: 2, padding: 1);
        private readonly Conv2d conv2 = Conv2d(32, 64, 3, stride: 2, padding: 1);
        private readonly Conv2d conv3 = Conv2d(64, 128, 3, padding: 1);
        private readonly AdaptiveMaxPool2d pool = AdaptiveMaxPool2d([1, 1]);
        private readonly Flatten flatten = Flatten();
        private readonly Linear fc = Linear(128, 10);

        public Model() : base(nameof(Model)) => RegisterComponents();

        public override Tensor forward(Tensor x) => fc.call(flatten.call(pool.call(conv3.call(conv2.call(conv1.call(x))))));
    }
}

namespace ConvSpecs.Tests.Fixtures.PoolingWithConvolution
{
    /// <summary>Keeps a convolution after the pooling.</summary>
    [PoolingTask(Role = "max")]
    public sealed class Model : Module<Tensor, Tensor>
    {
        private readonly MaxPool2d pool = MaxPool2d(2);
        private readonly Conv2d conv = Conv2d(1, 1, 3, padding: 1);
        private readonly Flatten flatten = Flatten();
        private readonly Linear fc = Linear(14 * 14, 10);

        public Model() : base(nameof(Model)) => RegisterComponents();

        public override Tensor forward(Tensor x) => fc.call(flatten.call(conv.call(pool.call(x))));
    }
}

namespace ConvSpecs.Tests.Fixtures.PoolingThenPerceptron
{
    /// <summary>Classifies the pooled values with two Linear layers, a multilayer perceptron.</summary>
    [PoolingTask(Role = "avg")]
    public sealed class Model : Module<Tensor, Tensor>
    {
        private readonly AvgPool2d pool = AvgPool2d(2);
        private readonly Flatten flatten = Flatten();
        private readonly Linear hidden = Linear(14 * 14, 32);
        private readonly ReLU relu = ReLU();
        private readonly Linear fc = Linear(32, 10);

        public Model() : base(nameof(Model)) => RegisterComponents();

        public override Tensor forward(Tensor x) => fc.call(relu.call(hidden.call(flatten.call(pool.call(x)))));
    }
}
