namespace ConvSpecs.Drivers;

/// <summary>What a functional call in forward computes, as the rules need to know it.</summary>
public enum Operation
{
    Convolution,
    Padding,
    MaxPooling,
    AveragePooling,
    Relu,
    /// <summary>Other positively homogeneous activations: leaky_relu.</summary>
    HomogeneousActivation,
    /// <summary>Activations that bend the scale: tanh, sigmoid, gelu, relu6, softmax, …</summary>
    Activation,
    /// <summary>Matrix products: linear, matmul, mm, bmm, einsum, addmm.</summary>
    Linear,
}

/// <summary>A call in the student's forward to a TorchSharp operation that is not a layer: forward hooks cannot see it.</summary>
/// <param name="Column">Where on its line: two calls on one line are two calls.</param>
public sealed record FunctionalCall(string Name, Operation Operation, string File, int Line, int Column)
{
    /// <summary>"functional.conv2d at Net.cs:31".</summary>
    public override string ToString() => $"{Name} at {File}:{Line}";

    /// <summary>Whether f(c·x) = c·f(x) for c &gt; 0, so that scaling a layer before it scales the output.</summary>
    public bool IsPositivelyHomogeneous => Operation is Operation.Relu or Operation.HomogeneousActivation or Operation.MaxPooling or Operation.AveragePooling;
}
