using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>A built model on its device, with a trace of its leaf layers and what its source says forward calls.</summary>
public sealed class LoadedModel : IDisposable
{
    private readonly Lazy<IReadOnlyList<FunctionalCall>?> functionalCalls;

    /// <param name="sourceFolder">Where the model's .cs files are (null: no source to read).</param>
    /// <param name="declared">The class or factory's class the [Variant] attribute is on.</param>
    public LoadedModel(string label, nn.Module<Tensor, Tensor> module, Device device, string? sourceFolder = null, Type? declared = null)
    {
        Label = label;
        Module = module.to(device);
        Unregistered = Registration.Unregistered(Module);
        Trace = new ForwardTrace(Module);
        SourceFolder = sourceFolder;
        Declared = declared;
        functionalCalls = new(() => sourceFolder is null ? null : ForwardSource.Calls(sourceFolder, ForwardSource.ClassesOf(Module, declared)));
    }

    /// <summary>How messages and evidence name it: "Reference BorderCroppingNet (variant 2, padding0)".</summary>
    public string Label { get; }

    public nn.Module<Tensor, Tensor> Module { get; }

    public ForwardTrace Trace { get; }

    /// <summary>Layer and parameter fields that RegisterComponents() did not register (empty when all are).</summary>
    public IReadOnlyList<string> Unregistered { get; }

    public string? SourceFolder { get; }

    public Type? Declared { get; }

    /// <summary>Functional calls in the model's forward code (functional.conv2d, x.relu(), …); null when its source was not found.</summary>
    public IReadOnlyList<FunctionalCall>? FunctionalCalls => functionalCalls.Value;

    /// <summary>The functional calls of these operations (empty when none, or when the source is unknown).</summary>
    public IReadOnlyList<FunctionalCall> Calling(params Operation[] operations) =>
        FunctionalCalls?.Where(call => operations.Contains(call.Operation)).ToList() ?? [];

    public void Dispose()
    {
        Trace.Dispose();
        Module.Dispose();
    }
}
