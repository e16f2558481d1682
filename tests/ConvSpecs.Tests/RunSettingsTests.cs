using ConvSpecs.Drivers;
using FluentAssertions;
using Xunit;
using static TorchSharp.torch;

namespace ConvSpecs.Tests;

public sealed class RunSettingsTests
{
    [Fact]
    public void AskingForCudaWhereThereIsNoneSaysHowToGetIt()
    {
        Assert.SkipWhen(cuda.is_available(), "this machine has CUDA");
        var settings = new RunSettings(1, "cuda", Path.GetTempPath());

        var resolve = () => settings.ResolveDevice();

        resolve.Should().Throw<InvalidOperationException>().WithMessage("*-p:TorchSharpBackend=cuda*--device cpu*");
    }

    [Fact]
    public void AutoFallsBackToTheCpu()
    {
        Assert.SkipWhen(cuda.is_available(), "this machine has CUDA");

        new RunSettings(1, "auto", Path.GetTempPath()).ResolveDevice().type.Should().Be(TorchSharp.DeviceType.CPU);
    }

    [Fact]
    public void AnUnknownDeviceIsNamedInTheError()
    {
        var resolve = () => new RunSettings(1, "tpu", Path.GetTempPath()).ResolveDevice();

        resolve.Should().Throw<InvalidOperationException>().WithMessage("Unknown device 'tpu'*");
    }
}
