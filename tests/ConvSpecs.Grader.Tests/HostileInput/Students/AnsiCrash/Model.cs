using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Students.AnsiCrash;

/// <summary>
/// Prints terminal escape sequences (clear screen, a window title, red) and crashes its process with them in the last
/// lines of its output: a stack overflow ends a .NET process (and needs no API the allow-list refuses).
/// </summary>
[Variant(3)]
public sealed class Model : Module<Tensor, Tensor>
{
    public const string Escapes = "\u001b[2J\u001b]0;owned\u0007\u001b[31mred\u009b31m";

    private readonly Conv2d conv = Conv2d(3, 10, 32);

    public Model() : base(nameof(Model)) => RegisterComponents();

    public override Tensor forward(Tensor x)
    {
        Console.WriteLine(Escapes);
        return Deeper(0) > 0 ? conv.call(x).flatten(1) : x;
    }

    // not a tail call ("1 +" after it), so the JIT cannot turn it into a loop
    private static int Deeper(int depth) => 1 + Deeper(depth + 1);
}
