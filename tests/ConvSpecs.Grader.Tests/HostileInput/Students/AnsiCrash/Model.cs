using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Students.AnsiCrash;

/// <summary>
/// Prints terminal escape sequences (clear screen, a window title, red) and crashes its process with them in the last
/// lines of its output: an exception thrown by a finalizer ends a .NET process.
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
        Drop();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return conv.call(x).flatten(1);
    }

    private static void Drop() => _ = new Bomb();

    private sealed class Bomb
    {
        ~Bomb() => throw new InvalidOperationException(Escapes);
    }
}
