// Mutant: the max model's "MaxPool2d" is the submission's own class that convolves with a fixed kernel, not TorchSharp's MaxPool2d.
// Must fail: No convolution: pooling layers and activations only, then a Linear
using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ConvSpecs.Mutants.PoolingClassNamedMaxPool2d;

/// <summary>Named like TorchSharp's pooling layer, but a 2×2 stride-2 convolution with a fixed, untrained kernel.</summary>
public sealed class MaxPool2d : Module<Tensor, Tensor>
{
    private readonly Tensor kernel = tensor(new float[] { 0.4f, 0.1f, 0.3f, 0.2f }).reshape(1, 1, 2, 2);

    public MaxPool2d() : base(nameof(MaxPool2d)) { }

    public override Tensor forward(Tensor x) => functional.conv2d(x, kernel.to(x.device), strides: [2, 2]);
}

public sealed class ImpostorPoolNet : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> pool;
    private readonly Flatten flatten = Flatten();
    private readonly Linear classifier = Linear(14 * 14, 10);

    private ImpostorPoolNet(Module<Tensor, Tensor> pool) : base(nameof(ImpostorPoolNet))
    {
        this.pool = pool;
        RegisterComponents();
    }

    [PoolingTask(Role = "max")]
    public static ImpostorPoolNet WithMaxPooling() => new(new MaxPool2d());

    [PoolingTask(Role = "avg")]
    public static ImpostorPoolNet WithAveragePooling() => new(AvgPool2d(2));

    public override Tensor forward(Tensor x) => classifier.call(flatten.call(pool.call(x)));
}
