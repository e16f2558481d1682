using System.Diagnostics;
using ConvSpecs.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpecs.Drivers.Training;

/// <summary>
/// Trains one model with a plan: seeded initialisation, the seeded data order of each epoch, Adam and cross-entropy on
/// batches inside dispose scopes; after each epoch, evaluation in eval mode without gradients, the variance entering
/// the final Linear and the process's resident memory.
/// </summary>
public static class Trainer
{
    public const int Classes = 10;

    // a bound on the activations held at once, which count against the grader's memory limit (a 500×32×32×32 map
    // alone is 64 MiB); without gradients the batch size changes nothing else
    private const int EvaluationBatch = 128;

    public static TrainingRun Train(string role, string who, Func<nn.Module<Tensor, Tensor>> build, ExperimentData data, TrainingPlan plan,
        Device device, TrainingProgress progress)
    {
        NativeMemory.KeepFreedBlocks();
        var total = Stopwatch.StartNew();
        random.manual_seed(plan.Seed);
        using var model = build().to(device);
        using var fixedBatch = FixedBatch(data.Test, plan.VarianceBatch, device);
        CheckClassScores(model, fixedBatch, who);
        var (finalName, finalLinear) = FinalLinearInput.Find(model, fixedBatch, who);
        using var optimizer = optim.Adam(model.parameters(), plan.LearningRate);

        var epochs = new List<EpochRecord>();
        for (var epoch = 1; epoch <= plan.Epochs; epoch++)
        {
            var (loss, accuracy, seconds) = TrainEpoch(model, optimizer, data.Train, plan, epoch, device, who, progress, total);
            var validation = data.Validation is { } held ? Accuracy(model, held, device, who) : (double?)null;
            var test = plan.TestEveryEpoch || epoch == plan.Epochs ? Accuracy(model, data.Test, device, who) : (double?)null;
            var variance = FinalLinearInput.Variance(model, finalLinear, fixedBatch, who);
            var record = new EpochRecord(epoch, loss, accuracy, validation, test, variance, seconds, data.Train.Count / seconds,
                Environment.WorkingSet, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
            epochs.Add(record);
            progress.Epoch(who, plan.Epochs, record);
        }
        return new TrainingRun(role, who, finalName, epochs, epochs[^1].TestAccuracy!.Value, total.Elapsed.TotalSeconds);
    }

    private static (double MeanLoss, double Accuracy, double Seconds) TrainEpoch(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer,
        ImageSplit train, TrainingPlan plan, int epoch, Device device, string who, TrainingProgress progress, Stopwatch sinceStart)
    {
        model.train();
        var order = SeededOrder.ForEpoch(train.Indices, plan.Seed, epoch);
        var batches = (order.Length + plan.BatchSize - 1) / plan.BatchSize;
        var (lossSum, correct) = (0.0, 0L);
        var watch = Stopwatch.StartNew();
        for (var batch = 0; batch < batches; batch++)
        {
            var start = batch * plan.BatchSize;
            var size = Math.Min(plan.BatchSize, order.Length - start);
            var (loss, right) = Step(model, optimizer, train, order.AsSpan(start, size), device, who);
            // TorchSharp's optimisers pass their numbers as Scalar objects, which no dispose scope tracks: their native
            // memory goes only when a collection runs their finalizers, and training allocates too little managed memory
            // for one to come. Without collections a run could grow by about 8 MiB a batch (bench/README.md); a gen-0
            // collection per batch costs well under a millisecond.
            GC.Collect(0);
            if (!double.IsFinite(loss))
                throw new ModelProblem($"{who}: the training loss became {loss} in epoch {epoch}, batch {batch + 1}; the model's output or gradients overflow.");
            lossSum += loss * size;
            correct += right;
            progress.Batch(who, epoch, plan.Epochs, batch + 1, batches, loss, (start + size) / watch.Elapsed.TotalSeconds, sinceStart.Elapsed);
        }
        return (lossSum / order.Length, correct / (double)order.Length, watch.Elapsed.TotalSeconds);
    }

    /// <summary>One optimiser step; only .NET numbers leave the dispose scope.</summary>
    private static (double Loss, long Correct) Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, ImageSplit train,
        ReadOnlySpan<int> indices, Device device, string who)
    {
        using var scope = NewDisposeScope();
        var (images, labels) = train.Images.Batch(indices, device);
        optimizer.zero_grad();
        var scores = SafeForward.Call(model, images, who);
        var loss = nn.functional.cross_entropy(scores, labels);
        loss.backward();
        optimizer.step();
        return (loss.ToDouble(), scores.argmax(1).eq(labels).sum().ToInt64());
    }

    private static double Accuracy(nn.Module<Tensor, Tensor> model, ImageSplit split, Device device, string who)
    {
        model.eval();
        using var noGrad = no_grad();
        var correct = 0L;
        for (var start = 0; start < split.Count; start += EvaluationBatch)
        {
            using var scope = NewDisposeScope();
            var (images, labels) = split.Images.Batch(split.Indices.AsSpan(start, Math.Min(EvaluationBatch, split.Count - start)), device);
            correct += SafeForward.Call(model, images, who).argmax(1).eq(labels).sum().ToInt64();
        }
        return correct / (double)split.Count;
    }

    /// <summary>The first images of the test split, the same for every epoch and every model: the variance is measured on them.</summary>
    private static Tensor FixedBatch(ImageSplit test, int size, Device device)
    {
        using var scope = NewDisposeScope();
        var (images, _) = test.Images.Batch(test.Indices.AsSpan(0, Math.Min(size, test.Count)), device);
        return images.MoveToOuterDisposeScope();
    }

    private static void CheckClassScores(nn.Module<Tensor, Tensor> model, Tensor batch, string who)
    {
        using var scores = SafeForward.Evaluate(model, batch, who);
        if (scores.shape is not [var rows, Classes] || rows != batch.shape[0])
            throw new ModelProblem($"{who}: a batch of {batch.shape[0]} images gives an output of shape {Shape.Format(scores.shape)}; " +
                                   $"a classifier trained with cross-entropy must give ({batch.shape[0]}, {Classes}), one score per class.");
    }
}
