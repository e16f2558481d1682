using System.Text.RegularExpressions;

namespace ConvSpecs.Grader.Check;

/// <summary>One error as the grader's compiler reports it ("Net.cs:12: error CS0121: …"), and a hint for the common ones.</summary>
public sealed partial record CompileError(string File, int Line, string Id, string Message)
{
    /// <summary>Null for a line that is not file:line: error CSxxxx (a summary line such as "… and 3 more errors").</summary>
    public static CompileError? Parse(string line) =>
        Pattern().Match(line) is { Success: true } match
            ? new CompileError(match.Groups["file"].Value, int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["id"].Value, match.Groups["message"].Value)
            : null;

    /// <summary>What to write instead, for the mistakes this assignment's students make; null when there is no hint.</summary>
    public string? Hint => Id switch
    {
        "CS0121" when Message.Contains("Padding", StringComparison.Ordinal) =>
            "`padding: 0` matches two Conv2d overloads (0 converts to both long and the Padding enum): write `padding: 0L` (or `Padding.Valid`).",
        "CS0246" or "CS0103" when Name is { } name && UsingFor(name, Id == "CS0246") is { } missing =>
            $"'{name}' comes with `{missing}`: add it at the top of {File}.",
        "CS1061" when Name2 is "Forward" or "Call" or "Invoke" =>
            "TorchSharp layers are called with `.call(x)` (lower case); `forward` is the method you override, not the one you call.",
        "CS0115" when Message.Contains("'forward'", StringComparison.OrdinalIgnoreCase) || Message.Contains(".Forward(", StringComparison.Ordinal) =>
            "override `public override Tensor forward(Tensor x)` of Module<Tensor, Tensor>: lower-case forward, one Tensor in, one out.",
        "CS7036" when Message.Contains("'name'", StringComparison.Ordinal) =>
            "a TorchSharp module's constructor passes its name to the base class: `public MyNet() : base(nameof(MyNet)) => RegisterComponents();`.",
        _ => null,
    };

    public override string ToString() => $"{File}:{Line}: error {Id}: {Message}";

    // The first quoted name of the message: the type or name that was not found.
    private string? Name => Quoted().Match(Message) is { Success: true } match ? match.Groups[1].Value.Split('<')[0] : null;

    // The second quoted name: the member that was not found (CS1061 "'Conv2d' does not contain a definition for 'Forward'").
    private string? Name2 => Quoted().Matches(Message) is { Count: > 1 } matches ? matches[1].Groups[1].Value : null;

    private static string? UsingFor(string name, bool asType) => name switch
    {
        "Variant" or "VariantAttribute" or "PoolingTask" or "PoolingTaskAttribute" => "using ConvSpecs.Models;",
        "Tensor" or "torch" or "Device" or "ScalarType" => "using static TorchSharp.torch;",
        "Module" or "Sequential" or "functional" or "init" => "using static TorchSharp.torch.nn;",
        "Conv2d" or "ReLU" or "Linear" or "MaxPool2d" or "AvgPool2d" or "AdaptiveAvgPool2d" or "AdaptiveMaxPool2d" or "Flatten"
            or "BatchNorm2d" or "Dropout" or "Dropout2d" or "Softmax" or "LogSoftmax" or "LeakyReLU" or "Tanh" or "Sigmoid" or "GELU" =>
            asType ? "using TorchSharp.Modules;" : "using static TorchSharp.torch.nn;",
        "Padding" or "PaddingModes" or "TorchSharp" => "using TorchSharp;",
        _ => null,
    };

    [GeneratedRegex(@"^(?<file>.+?):(?<line>\d+): error (?<id>CS\d+): (?<message>.*)$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex Quoted();
}
