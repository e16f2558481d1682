using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>
/// A set of TorchSharp layer types written as in the features: "Conv2d", "Conv2d or Linear". A layer matches
/// by its real type, not its name: a student's own class named MaxPool2d is not TorchSharp's MaxPool2d.
/// </summary>
public sealed record LayerKinds(IReadOnlyList<string> Names)
{
    private const string TorchSharpModules = "TorchSharp.Modules";

    public static LayerKinds Parse(string text) =>
        new(text.Split(" or ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public bool Matches(nn.Module module) => IsTorchSharp(module) && Names.Contains(module.GetType().Name);

    /// <summary>Whether the layer is one of TorchSharp's own (TorchSharp.Modules), not a class of the submission.</summary>
    public static bool IsTorchSharp(nn.Module module) => module.GetType().Namespace == TorchSharpModules;

    /// <summary>How messages name a layer's type: "Conv2d", or "MaxPool2d (the submission's own class)".</summary>
    public static string KindOf(nn.Module module) =>
        IsTorchSharp(module) ? module.GetType().Name : $"{module.GetType().Name} (the submission's own class {module.GetType().FullName})";

    /// <summary>The functional operations that compute what a layer of this kind computes: Conv2d ↔ functional.conv2d.</summary>
    public static IEnumerable<Operation> OperationsOf(string kind) => kind switch
    {
        "Conv1d" or "Conv2d" or "Conv3d" or "ConvTranspose2d" => [Operation.Convolution],
        "Linear" or "Bilinear" => [Operation.Linear],
        "ReLU" => [Operation.Relu],
        "LeakyReLU" => [Operation.HomogeneousActivation],
        "MaxPool2d" or "AdaptiveMaxPool2d" => [Operation.MaxPooling],
        "AvgPool2d" or "AdaptiveAvgPool2d" => [Operation.AveragePooling],
        "ZeroPad2d" or "ConstantPad2d" or "ReflectionPad2d" or "ReplicationPad2d" => [Operation.Padding],
        "Tanh" or "Sigmoid" or "GELU" or "ELU" or "SELU" or "SiLU" or "ReLU6" or "Softmax" => [Operation.Activation],
        _ => [],
    };

    public override string ToString() => string.Join(" or ", Names);
}
