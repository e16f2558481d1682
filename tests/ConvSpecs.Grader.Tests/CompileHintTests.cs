using ConvSpecs.Grader.Check;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Grader.Tests;

/// <summary>The hints a student gets under the compiler's errors they make most often.</summary>
public sealed class CompileHintTests
{
    [Theory]
    [InlineData("Net.cs:9: error CS0246: The type or namespace name 'Conv2d' could not be found (are you missing a using directive or an assembly reference?)",
        "'Conv2d' comes with `using TorchSharp.Modules;`: add it at the top of Net.cs.")]
    [InlineData("Net.cs:9: error CS0103: The name 'Conv2d' does not exist in the current context",
        "'Conv2d' comes with `using static TorchSharp.torch.nn;`: add it at the top of Net.cs.")]
    [InlineData("Net.cs:7: error CS0246: The type or namespace name 'VariantAttribute' could not be found (are you missing a using directive or an assembly reference?)",
        "'VariantAttribute' comes with `using ConvSpecs.Models;`: add it at the top of Net.cs.")]
    [InlineData("Net.cs:8: error CS0246: The type or namespace name 'Tensor' could not be found (are you missing a using directive or an assembly reference?)",
        "'Tensor' comes with `using static TorchSharp.torch;`: add it at the top of Net.cs.")]
    [InlineData("Net.cs:15: error CS1061: 'Conv2d' does not contain a definition for 'Forward' and no accessible extension method 'Forward' accepting a first argument of type 'Conv2d' could be found",
        "TorchSharp layers are called with `.call(x)` (lower case); `forward` is the method you override, not the one you call.")]
    public void CommonErrorsGetAHint(string error, string hint) =>
        CompileError.Parse(error)!.Hint.Should().Be(hint);

    [Fact]
    public void OtherErrorsGetNone() =>
        CompileError.Parse("Net.cs:12: error CS1002: ; expected")!.Hint.Should().BeNull();
}
