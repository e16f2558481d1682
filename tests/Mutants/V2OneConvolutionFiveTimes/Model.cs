// Mutant: one Conv2d applied five times plus a functional conv2d after the stem: seven convolutions where at most 3 may run.
// Must fail: At most 3 convolution layers
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.V2OneConvolutionFiveTimes;

[Variant(2)]
public sealed class RepeatedConvolutionNet : Module<Tensor, Tensor>
{
    private readonly Conv2d stem = Conv2d(3, 64, 2, stride: 2, padding: 0L);   // 32 → 16
    private readonly Conv2d repeated = Conv2d(64, 64, 3, padding: 1);          // 16 → 16
    private readonly Parameter mixing = new(randn(64, 64, 1, 1) * 0.1);
    private readonly ReLU relu = ReLU();

    public RepeatedConvolutionNet() : base(nameof(RepeatedConvolutionNet)) => RegisterComponents();

    public override Tensor forward(Tensor x)
    {
        x = functional.conv2d(relu.call(stem.call(x)), mixing);
        for (var i = 0; i < 5; i++) x = relu.call(repeated.call(x));
        return x;
    }
}
