// The training benchmark (bench/README.md). Without arguments it measures everything and prints the table;
// "measure <bare|bare-glibc-defaults|suite> --net <flatten|gap> --epochs E --steps S" is one measuring process.
using System.Text.Json;
using ConvSpecs.Bench;
using ConvSpecs.Data;
using ConvSpecs.Drivers;
using ConvSpecs.Drivers.Training;
using ConvSpecs.Examples.Seed000;
using static TorchSharp.torch;

const int Batch = 64;
var repository = RunSettings.RepositoryRoot() ?? throw new DirectoryNotFoundException("ConvSpecs.sln not found above the benchmark");
int Option(string name, int fallback) => Array.IndexOf(args, name) is var at and >= 0 ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
var (epochs, steps) = (Option("--epochs", 5), Option("--steps", 60));

if (args is not ["measure", var loop, ..])
{
    new Orchestrator(repository, Option("--repeats", 5), epochs, steps).Run();
    return;
}

// as the PyTorch side: torch.set_num_threads(2)
set_num_threads(2);
var net = args[Array.IndexOf(args, "--net") + 1];
Func<nn.Module<Tensor, Tensor>> build = net == "flatten" ? () => new ConvNetFlatten() : () => new ConvNetGap();
var digits = IdxReader.ReadMnist(Path.Combine(repository, "data", "mnist-10k"), DataSplit.Train).PadAndRepeat(32, 3);
if (loop != "bare-glibc-defaults") NativeMemory.KeepFreedBlocks();
var measurement = loop == "suite"
    ? SuiteLoop.Run(net, build, digits, epochs, steps, Batch)
    : BareLoop.Run(loop == "bare" ? "TorchSharp" : "TorchSharp, glibc defaults", net, build, digits, epochs, steps, Batch);
Console.WriteLine(JsonSerializer.Serialize(measurement, Measurement.Json));
