using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>One call of a leaf layer seen by a forward hook, with copies of its input and output.</summary>
public sealed record LayerRun(string Name, nn.Module Module, long[] InputShape, long[] OutputShape, Tensor Input, Tensor Output)
{
    /// <summary>The layer's type as the assignment names it (Conv2d, ReLU, MaxPool2d, …), or the submission's own class.</summary>
    public string Kind => LayerKinds.KindOf(Module);
}
