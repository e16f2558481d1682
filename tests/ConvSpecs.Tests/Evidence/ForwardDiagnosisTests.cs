using ConvSpecs.Drivers;
using ConvSpecs.Models;
using FluentAssertions;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Tests.Evidence;

/// <summary>A forward pass that fails names the layer as the student named it, what it expected and what it got.</summary>
public sealed class ForwardDiagnosisTests
{
    [Fact]
    public void AChannelMismatchInsideTheNetworkNamesTheLayer()
    {
        var message = Failure(new MidChannelMismatch(), randn(2, 3, 8, 8));

        message.Should().Contain("Conv2d 'conv2' expects 32 input channels (dimension 1) but got an input of shape (2, 16, 8, 8) (16 channels)")
            .And.Contain("Build it as Conv2d(16, …)");
    }

    [Fact]
    public void AFeatureMismatchInASequentialNamesTheLayerByItsIndex()
    {
        var message = Failure(new SequentialWithWrongLinear(), randn(2, 3, 8, 8));

        message.Should().Contain("Linear 'layers[2]' expects 100 features in the last dimension but got an input of shape (2, 144)")
            .And.Contain("Build it as Linear(144, 10)");
    }

    [Fact]
    public void ANaNOutputNamesTheFirstLayerThatProducedIt()
    {
        var message = Failure(new NaNWeightsInTheSecondConv(), randn(2, 3, 8, 8));

        message.Should().Contain("contains").And.Contain("NaN")
            .And.Contain("The first layer whose output went NaN/Inf is Conv2d 'conv2' (input (2, 4, 8, 8) was finite)");
    }

    [Fact]
    public void ANaNMadeBetweenLayersSaysSo()
    {
        var message = Failure(new NaNAfterTheLastLayer(), randn(2, 3, 8, 8));

        message.Should().Contain("Every layer's output was finite").And.Contain("between layers, or after the last one");
    }

    [Theory]
    [InlineData("conv1", "conv1")]
    [InlineData("layers.0", "layers[0]")]
    [InlineData("block.1.conv", "block[1].conv")]
    [InlineData("stage2.conv", "stage2.conv")]
    public void LayerNamesReadAsTheStudentWroteThem(string torchName, string readable) =>
        LayerNames.Readable(torchName).Should().Be(readable);

    private static string Failure(Module<Tensor, Tensor> model, Tensor input)
    {
        using (model)
        using (input)
        {
            var evaluate = () => SafeForward.Evaluate(model, input, "Test model").Dispose();
            return evaluate.Should().Throw<ModelProblem>().Which.Message;
        }
    }

    private sealed class MidChannelMismatch : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv1 = Conv2d(3, 16, 3, padding: 1);
        private readonly Conv2d conv2 = Conv2d(32, 8, 3, padding: 1);

        public MidChannelMismatch() : base(nameof(MidChannelMismatch)) => RegisterComponents();

        public override Tensor forward(Tensor x) => conv2.call(conv1.call(x));
    }

    private sealed class SequentialWithWrongLinear : Module<Tensor, Tensor>
    {
        private readonly Sequential layers = Sequential(Conv2d(3, 4, 3), Flatten(), Linear(100, 10));

        public SequentialWithWrongLinear() : base(nameof(SequentialWithWrongLinear)) => RegisterComponents();

        public override Tensor forward(Tensor x) => layers.call(x);
    }

    private sealed class NaNWeightsInTheSecondConv : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv1 = Conv2d(3, 4, 3, padding: 1);
        private readonly ReLU relu = ReLU();
        private readonly Conv2d conv2 = Conv2d(4, 4, 3, padding: 1);

        public NaNWeightsInTheSecondConv() : base(nameof(NaNWeightsInTheSecondConv))
        {
            RegisterComponents();
            using var noGrad = no_grad();
            conv2.weight!.fill_(float.NaN);
        }

        public override Tensor forward(Tensor x) => conv2.call(relu.call(conv1.call(x)));
    }

    private sealed class NaNAfterTheLastLayer : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv = Conv2d(3, 4, 3, padding: 1);

        public NaNAfterTheLastLayer() : base(nameof(NaNAfterTheLastLayer)) => RegisterComponents();

        public override Tensor forward(Tensor x) => conv.call(x) * float.NaN;
    }
}
