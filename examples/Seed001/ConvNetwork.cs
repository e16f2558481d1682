using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Examples.Seed001;

/// <summary>
/// Seed 001, variant 2: one class with a flag, tried on a 16×16 input. With padding 0 in the first
/// layer the output is (64, 14, 14), which misses the required (64, 16, 16).
/// </summary>
public sealed class ConvNetwork : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly Conv2d conv2;
    private readonly Conv2d conv3;

    public ConvNetwork(bool usePaddingZero) : base(nameof(ConvNetwork))
    {
        if (usePaddingZero)
        {
            conv1 = Conv2d(3, 16, 3, stride: 1, padding: 0L);
            conv2 = Conv2d(16, 32, 3, stride: 1, padding: 1L);
            conv3 = Conv2d(32, 64, 3, stride: 1, padding: 1L);
        }
        else
        {
            conv1 = Conv2d(3, 32, 3, stride: 1, padding: 1L);
            conv2 = Conv2d(32, 64, 3, stride: 1, padding: 1L);
            conv3 = Conv2d(64, 64, 3, stride: 1, padding: 1L);
        }
        RegisterComponents();
    }

    [Variant(2, Role = "padding0", Input = new[] { 3, 16, 16 })]
    public static ConvNetwork WithPaddingZero() => new(usePaddingZero: true);

    [Variant(2, Role = "padding1", Input = new[] { 3, 16, 16 })]
    public static ConvNetwork WithPaddingOne() => new(usePaddingZero: false);

    public override Tensor forward(Tensor x) =>
        conv3.call(functional.relu(conv2.call(functional.relu(conv1.call(x)))));
}
