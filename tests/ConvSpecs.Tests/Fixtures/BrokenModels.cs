using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

// Variant 2 models that go wrong in every way a student's can, one submission (namespace) each.

namespace ConvSpecs.Tests.Fixtures.ConstructorThrows
{
    [Variant(2)]
    public sealed class Model : Module<Tensor, Tensor>
    {
        public Model() : base(nameof(Model)) => throw new InvalidOperationException("weights.bin not found");

        public override Tensor forward(Tensor x) => x;
    }
}

namespace ConvSpecs.Tests.Fixtures.ForwardThrows
{
    [Variant(2)]
    public sealed class Model : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv = Conv2d(3, 64, 2, stride: 2);

        public Model() : base(nameof(Model)) => RegisterComponents();

        public override Tensor forward(Tensor x) => throw new NotImplementedException("forward is still a TODO");
    }
}

namespace ConvSpecs.Tests.Fixtures.ReturnsNaN
{
    [Variant(2)]
    public sealed class Model : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv = Conv2d(3, 64, 2, stride: 2);

        public Model() : base(nameof(Model)) => RegisterComponents();

        public override Tensor forward(Tensor x) => conv.call(x) * float.NaN;
    }
}

namespace ConvSpecs.Tests.Fixtures.WrongShape
{
    [Variant(2)]
    public sealed class Model : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv = Conv2d(3, 64, 4, stride: 4, padding: 0L);   // 32 → 8, not 16

        public Model() : base(nameof(Model)) => RegisterComponents();

        public override Tensor forward(Tensor x) => conv.call(x);
    }
}

namespace ConvSpecs.Tests.Fixtures.WrongChannels
{
    [Variant(2)]
    public sealed class Model : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv = Conv2d(1, 64, 2, stride: 2, padding: 0L);   // grayscale, but the input is RGB

        public Model() : base(nameof(Model)) => RegisterComponents();

        public override Tensor forward(Tensor x) => conv.call(x);
    }
}

namespace ConvSpecs.Tests.Fixtures.NoParameterlessConstructor
{
    [Variant(2)]
    public sealed class Model : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv;

        public Model(int channels) : base(nameof(Model))
        {
            conv = Conv2d(3, channels, 2, stride: 2);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x) => conv.call(x);
    }
}

namespace ConvSpecs.Tests.Fixtures.ForwardBypassesCall
{
    [Variant(2)]
    public sealed class Model : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv = Conv2d(3, 64, 2, stride: 2, padding: 0L);

        public Model() : base(nameof(Model)) => RegisterComponents();

        // .forward skips the hooks, so the specs cannot see this layer
        public override Tensor forward(Tensor x) => conv.forward(x);
    }
}
