using Xunit;
using static TorchSharp.torch;

[assembly: AssemblyFixture(typeof(ConvSpecs.Tests.OneTorchThread))]

namespace ConvSpecs.Tests;

/// <summary>
/// These tests train only small models, while dotnet test runs the specs, which train seed-sized ones, in a parallel
/// process. On 2 cores, two processes with two spinning OpenMP threads each made the whole run take 37 s instead of 28.
/// </summary>
public sealed class OneTorchThread
{
    public OneTorchThread() => set_num_threads(1);
}
