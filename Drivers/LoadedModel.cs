using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>A built model on its device, with a trace of its leaf layers.</summary>
public sealed class LoadedModel : IDisposable
{
    public LoadedModel(string label, nn.Module<Tensor, Tensor> module, Device device)
    {
        Label = label;
        Module = module.to(device);
        Trace = new ForwardTrace(Module);
    }

    /// <summary>How messages and evidence name it: "Reference BorderCroppingNet (variant 2, padding0)".</summary>
    public string Label { get; }

    public nn.Module<Tensor, Tensor> Module { get; }

    public ForwardTrace Trace { get; }

    public void Dispose()
    {
        Trace.Dispose();
        Module.Dispose();
    }
}
