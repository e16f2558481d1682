using ConvSpecs.Data;
using ConvSpecs.Drivers.Training;
using static TorchSharp.torch;

namespace ConvSpecs.Bench;

/// <summary>The suite's own training loop (Drivers/Training/Trainer.cs) on the same images: its per-epoch step time and memory.</summary>
public static class SuiteLoop
{
    public static Measurement Run(string net, Func<nn.Module<Tensor, Tensor>> build, LabeledImages digits, int epochs, int steps, int batch)
    {
        // as many training images as the bare loop's steps use; a small test split keeps the evaluation short (it is not timed)
        var data = new ExperimentData(ImageSource.Mnist, "the benchmark's images",
            new ImageSplit(digits, [.. Enumerable.Range(0, steps * batch)], "training"), null,
            new ImageSplit(digits, [.. Enumerable.Range(steps * batch, batch)], "test"));
        var plan = new TrainingPlan(epochs, batch, 1e-3, Seed: 1, TestEveryEpoch: true);
        var progress = new TrainingProgress(Path.Combine(Path.GetTempPath(), "convspecs-bench-progress.log"), _ => { });
        var run = Trainer.Train(net, net, build, data, plan, CPU, progress);
        return new Measurement("TorchSharp, the suite's loop", net, get_num_threads(), batch, steps,
            run.Per(epoch => epoch.TrainingSeconds), run.Per(epoch => epoch.ResidentBytes / 1048576.0), Measurement.ResidentMiB("VmHWM"));
    }
}
