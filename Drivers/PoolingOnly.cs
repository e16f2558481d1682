using ConvSpecs.Models;

namespace ConvSpecs.Drivers;

/// <summary>The pooling task's network: which of its layers are pooling layers, activations, or something else.</summary>
public static class PoolingOnly
{
    public static readonly LayerKinds Pooling = new(["MaxPool2d", "AvgPool2d", "AdaptiveMaxPool2d", "AdaptiveAvgPool2d", "LPPool2d"]);

    public static readonly LayerKinds Linear = new(["Linear"]);

    public static readonly LayerKinds Activations = new(["ReLU", "ReLU6", "LeakyReLU", "ELU", "SELU", "CELU", "GELU", "SiLU", "Mish",
        "Sigmoid", "Tanh", "Softplus", "Softsign", "Hardtanh", "Hardswish", "Hardsigmoid", "LogSigmoid", "Tanhshrink"]);

    // reshaping moves values without computing anything, so it belongs to neither side of the rule
    public static readonly LayerKinds Reshaping = new(["Flatten", "Unflatten", "Identity"]);

    private static readonly LayerKinds Convolution = new(["Conv1d", "Conv2d", "Conv3d", "ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d"]);

    /// <summary>
    /// Registered layers that are convolutions of any kind (Conv1d/2d/3d, ConvTranspose…), whether they ran or not, and
    /// convolutions forward computes as functions (functional.conv2d), which no hook sees.
    /// </summary>
    public static IReadOnlyList<string> Convolutions(LoadedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Registration.Ensure(model);
        return [.. model.Trace.Registered.Where(layer => Convolution.Matches(layer.Module)).Select(layer => $"{layer.Module.GetType().Name} '{layer.Name}'"),
            .. model.Calling(Operation.Convolution).Select(call => $"forward calls {call}")];
    }

    /// <summary>
    /// Trainable parameters not owned by a Linear: a convolution written with functional.conv2d still needs its kernel
    /// as a parameter, which shows up here even though no hook sees it.
    /// </summary>
    public static IReadOnlyList<string> ParametersOutsideLinears(LoadedModel model)
    {
        Registration.Ensure(model);
        var owners = model.Module.named_modules().ToDictionary(named => named.name, named => named.module);
        return model.Module.named_parameters().Where(named => named.parameter.requires_grad)
            .Where(named => !(owners.TryGetValue(Owner(named.name), out var owner) && Linear.Matches(owner)))
            .Select(named => named.name).ToList();
    }

    /// <summary>The calls before the last that are not pooling layers, activations or reshaping, with their position.</summary>
    public static IReadOnlyList<string> Intruders(LoadedModel model)
    {
        var calls = LayerInspection.Calls(model);
        return calls.Take(calls.Count - 1).Select((call, i) => (call, i))
            .Where(pair => !Pooling.Matches(pair.call.Module) && !Activations.Matches(pair.call.Module) && !Reshaping.Matches(pair.call.Module))
            .Select(pair => $"layer {pair.i + 1} ('{pair.call.Name}') is {pair.call.Kind}").ToList();
    }

    public static LayerRun LastCall(LoadedModel model) =>
        LayerInspection.Calls(model) is { Count: > 0 } calls ? calls[^1] : throw new ModelProblem($"{model.Label}: no layer ran.");

    // "head.fc.weight" belongs to "head.fc"; a parameter of the model itself has the empty name
    private static string Owner(string parameter) => parameter.Contains('.') ? parameter[..parameter.LastIndexOf('.')] : "";
}
