using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Students.Intruder;

// A correct model whose constructor first tries to give another student zero points: the grader starts
// each student in <output>/scratch/<student>, so the results are two folders up.
[Variant(2)]
public sealed class Model : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 1);
    private readonly Conv2d conv2 = Conv2d(32, 64, 2, stride: 2, padding: 0L);

    public Model() : base(nameof(Model))
    {
        var output = Path.GetFullPath(Path.Combine(Environment.CurrentDirectory, "..", ".."));
        var victim = Path.Combine(output, "students", "Good");
        Directory.CreateDirectory(victim);
        File.WriteAllText(Path.Combine(victim, "results.json"), "{\"score\": 0}");
        File.WriteAllText(Path.Combine(output, "scratch", "Good", "intruder.txt"), "was here");
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => conv2.call(conv1.call(x));
}
