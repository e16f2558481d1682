using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Tests.Training;

/// <summary>Small models for the trainer's tests, on 1×4×4 images.</summary>
internal static class TinyModels
{
    /// <summary>A Linear on the 16 pixels, then a Linear to 10 class scores.</summary>
    public sealed class TwoLinears : Module<Tensor, Tensor>
    {
        private readonly Flatten flatten = Flatten();
        private readonly Linear hidden = Linear(16, 8);
        private readonly Linear scores = Linear(8, 10);

        public TwoLinears() : base(nameof(TwoLinears)) => RegisterComponents();

        public override Tensor forward(Tensor x) => scores.call(hidden.call(flatten.call(x)));
    }

    /// <summary>Keeps one tensor of every forward pass outside the dispose scopes, as a cache or a debugging list would.</summary>
    public sealed class KeepsATensorPerBatch : Module<Tensor, Tensor>
    {
        private readonly Flatten flatten = Flatten();
        private readonly Linear scores = Linear(16, 10);
        private readonly List<Tensor> kept = [];

        public KeepsATensorPerBatch() : base(nameof(KeepsATensorPerBatch)) => RegisterComponents();

        public override Tensor forward(Tensor x)
        {
            kept.Add(x.sum().detach().DetachFromDisposeScope());
            return scores.call(flatten.call(x));
        }

        protected override void Dispose(bool disposing)
        {
            foreach (var tensor in kept) tensor.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>Gives 16 values per image: not class scores.</summary>
    public sealed class NoClassifier : Module<Tensor, Tensor>
    {
        private readonly Flatten flatten = Flatten();
        private readonly Linear features = Linear(16, 16);

        public NoClassifier() : base(nameof(NoClassifier)) => RegisterComponents();

        public override Tensor forward(Tensor x) => features.call(flatten.call(x));
    }
}
