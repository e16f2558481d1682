using ConvSpecs.Drivers;
using FluentAssertions;
using Xunit;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ConvSpecs.Tests.Behaviour;

/// <summary>A model written four ways at once: the calls that count resolve through aliases and Tensor methods; its own helpers do not count.</summary>
public sealed class SpelledFourWays : nn.Module<Tensor, Tensor>
{
    public SpelledFourWays() : base(nameof(SpelledFourWays)) => _ = F.relu(ones(1));

    public override Tensor forward(Tensor x) =>
        F.relu(TorchSharp.torch.nn.functional.tanh(relu(x).relu().matmul(x)));

    // the student's own method named relu: not TorchSharp's, not counted
    private static Tensor relu(Tensor x) => x;
}

/// <summary>The same functional call twice on one line.</summary>
public sealed class TwiceOnOneLine : nn.Module<Tensor, Tensor>
{
    public TwiceOnOneLine() : base(nameof(TwiceOnOneLine)) { }

    public override Tensor forward(Tensor x) => F.relu(x) + F.relu(x);
}

public sealed class ForwardSourceTests
{
    [Fact]
    public void CallsAreResolvedBySymbolNotByName()
    {
        var folder = Path.Combine(RunSettings.RepositoryRoot()!, "tests", "ConvSpecs.Tests", "Behaviour");

        var calls = ForwardSource.Calls(folder, [typeof(SpelledFourWays)]);

        calls.Should().NotBeNull();
        calls!.Select(call => (call.Name, call.Operation)).Should().BeEquivalentTo(new[]
        {
            ("functional.relu", Operation.Relu), ("functional.tanh", Operation.Activation),
            ("Tensor.relu", Operation.Relu), ("Tensor.matmul", Operation.Linear),
        });
        calls.Should().OnlyContain(call => call.File == "ForwardSourceTests.cs" && call.Line == 15);
    }

    [Fact]
    public void TwoCallsOnOneLineAreTwoCalls()
    {
        var folder = Path.Combine(RunSettings.RepositoryRoot()!, "tests", "ConvSpecs.Tests", "Behaviour");

        var calls = ForwardSource.Calls(folder, [typeof(TwiceOnOneLine)]);

        // a rule that counts convolutions must not be passed by writing two on one line
        calls!.Select(call => (call.Name, call.Line)).Should().Equal(("functional.relu", 26), ("functional.relu", 26));
    }

    [Fact]
    public void AClassWithoutSourceIsUnknownNotClean()
    {
        var folder = Path.Combine(RunSettings.RepositoryRoot()!, "tests", "Mutants");

        ForwardSource.Calls(folder, [typeof(SpelledFourWays)]).Should().BeNull();
    }
}
