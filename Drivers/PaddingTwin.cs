using TorchSharp.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>
/// The padding=1 version of a model with the same weights: each Conv2d with padding 0 gets its input
/// zero-padded by one pixel on every side by a forward pre-hook, which is exactly what padding=1 computes.
/// </summary>
public static class PaddingTwin
{
    public static LoadedModel Derive(LoadedModel original, Func<nn.Module<Tensor, Tensor>> build, Device device)
    {
        Registration.Ensure(original);
        var twin = build();
        twin.to(device).load_state_dict(original.Module.state_dict());
        var padded = 0;
        foreach (var conv in twin.modules().OfType<Conv2d>().Where(conv => LayerInspection.Padding(conv) == 0))
        {
            conv.register_forward_pre_hook((_, input) => nn.functional.pad(input, [1, 1, 1, 1]));
            padded++;
        }
        return new LoadedModel($"{original.Label}, padding=1 twin (derived: same weights, {padded} Conv2d padded by 1)", twin, device, original.SourceFolder, original.Declared);
    }
}
