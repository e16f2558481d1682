using System.ComponentModel;
using ConvSpecs.Bridge;
using Reqnroll;
using ConvSpecs.Drivers;
using ConvSpecs.Drivers.Training;
using ConvSpecs.Models;
using ConvSpecs.Reports;
using ConvSpecs.Suite;

namespace ConvSpecs.StepDefinitions;

[Binding]
[Description("Training the submission's models on real images, each with the same seed, data order and optimiser, and what every epoch measured.")]
public sealed class TrainingStepDefinitions(ModelContext context, ScenarioEvidence evidence, Scenario scenario, IReqnrollOutputHelper output)
{
    private TrainedComparison? trained;

    [Given(@"the {string} and {string} models for variant {int}, each trained with Adam \(learning rate {float}) on batches of {int}")]
    [Description("Trains both models on the variant's images with the run's profile and seed (once per run: later scenarios reuse the training); records the data set, its checksum, the profile and every epoch.")]
    public void GivenTrainedVariantModels(string first, string second, int variant, double learningRate, int batch) =>
        Train($"variant{variant}", [first, second], learningRate, batch);

    [Given(@"the {string} and {string} models for the pooling task, each trained with Adam \(learning rate {float}) on batches of {int}")]
    [Description("As above, for the pooling task's 28×28 images, with a validation split held out of training.")]
    public void GivenTrainedPoolingModels(string first, string second, double learningRate, int batch) =>
        Train(ModelRoles.PoolingTask, [first, second], learningRate, batch);

    [Then("each model's mean training loss in the last epoch is below {float}")]
    [Description("The mean cross-entropy over the last epoch's batches; ln 10 ≈ 2.30 is what guessing scores.")]
    public void ThenEachLossIsBelow(double limit)
    {
        foreach (var run in Trained.Runs)
            Require.That(run.Last.MeanTrainingLoss < limit, $"{run.Model} must learn: its last epoch's mean training loss must be below {limit}; measured {run.Last.MeanTrainingLoss:G4}.");
    }

    [Then("each model's test accuracy is above {float}%")]
    [Description("Accuracy on the test images after the last epoch; chance is 10 %.")]
    public void ThenEachTestAccuracyIsAbove(double percent)
    {
        foreach (var run in Trained.Runs)
            Require.That(100 * run.TestAccuracy > percent, $"{run.Model} must classify clearly better than chance: its test accuracy must be above {percent} %; measured {100 * run.TestAccuracy:F1} %.");
    }

    [Then("a chart shows the mean training loss per epoch of both models")]
    [Description("One line per model, with ln 10 for reference.")]
    public void ThenTheLossIsCharted()
    {
        evidence.AddPlot("training-loss-per-epoch", Plots.TrainingLossPerEpoch(Trained.Epochs, [.. Trained.Runs.Select(run => (run.Role, run.Per(epoch => epoch.MeanTrainingLoss)))]));
        Require.That(Trained.Runs.All(run => run.Epochs.All(epoch => double.IsFinite(epoch.MeanTrainingLoss))), "Every epoch's mean training loss must be a finite number; one was NaN or infinite.");
    }

    [Then("a chart shows the variance entering the final Linear per epoch of both models")]
    [Description("One line per model: per-feature variance of the final Linear's input over the fixed evaluation batch, population form, averaged over features.")]
    public void ThenTheVarianceIsCharted()
    {
        evidence.AddPlot("final-linear-variance-per-epoch", Plots.FinalLinearVariancePerEpoch(Trained.Epochs, [.. Trained.Runs.Select(run => (run.Role, run.Per(epoch => epoch.FinalLinearInputVariance)))]));
        Require.That(Trained.Runs.All(run => run.Epochs.All(epoch => double.IsFinite(epoch.FinalLinearInputVariance))), "Every epoch's variance entering the final Linear must be a finite number; one was NaN or infinite.");
    }

    [Then("the ratio of the {string} model's variance to the {string} model's after the last epoch is reported next to seed 000's {float}")]
    [Description("Seed 000 trained Flatten and GAP heads on CIFAR-10 for 5 epochs and measured 1.913 and 0.385 before the final layer; the ratio is reported, not required.")]
    public void ThenTheVarianceRatioIsReported(string numerator, string denominator, double seed)
    {
        var (top, bottom) = (Trained[numerator].Last.FinalLinearInputVariance, Trained[denominator].Last.FinalLinearInputVariance);
        evidence.Record($"variance entering the final Linear, {numerator}", top);
        evidence.Record($"variance entering the final Linear, {denominator}", bottom);
        evidence.Record($"ratio {numerator} / {denominator}", top / bottom, "×");
        evidence.Record($"ratio {numerator} / {denominator}, seed 000 (CIFAR-10, 5 epochs)", seed, "×");
        Require.That(top / bottom > 0 && double.IsFinite(top / bottom), $"Both variances must be positive, finite numbers; measured {top:G4} ({numerator}) and {bottom:G4} ({denominator}).");
    }

    [Then("a chart shows the training and validation accuracy per epoch of both models")]
    [Description("Learning curves: one colour per model, validation solid, training dashed, chance dotted.")]
    public void ThenTheAccuracyIsCharted()
    {
        evidence.AddPlot("accuracy-per-epoch", Plots.AccuracyPerEpoch(Trained.Epochs,
            [.. Trained.Runs.Select(run => (run.Role, run.Per(epoch => epoch.TrainingAccuracy), run.Per(epoch => epoch.ValidationAccuracy ?? double.NaN)))]));
        Require.That(Trained.Runs.All(run => run.Epochs.All(epoch => epoch.ValidationAccuracy.HasValue)), "Validation accuracy must be measured every epoch; an epoch has none.");
    }

    [Then("the epoch from which each model's validation accuracy stays within {float} percentage point(s) of its best is reported")]
    [Description("The plateau: the first epoch whose validation accuracy is within the margin of the run's best, so that later epochs never improve on it by more.")]
    public void ThenThePlateauIsReported(double margin)
    {
        foreach (var run in Trained.Runs)
        {
            var plateau = Plateau.Of(run.Per(epoch => 100 * (epoch.ValidationAccuracy ?? double.NaN)), margin);
            evidence.Record($"{run.Role}: plateau from epoch", plateau.Epoch, $"of {plateau.Epochs}");
            evidence.Record($"{run.Role}: validation accuracy at the plateau", plateau.Value, "%");
            evidence.Record($"{run.Role}: best validation accuracy", plateau.Best, $"% (epoch {plateau.BestEpoch})");
            output.WriteLine($"{run.Model}: validation accuracy within {margin} points of its best ({plateau.Best:F1} %) from epoch {plateau.Epoch} of {plateau.Epochs}");
            Require.That(double.IsFinite(plateau.Best), $"{run.Model}'s validation accuracy must be measured every epoch; its best is {plateau.Best}.");
        }
    }

    [Then("the number of live tensors is the same after every epoch")]
    [Description("Tensors created and not disposed on the training thread, counted by TorchSharp after each epoch: a batch outside a dispose scope would leave its tensors behind.")]
    public void ThenNoTensorOutlivesItsBatch()
    {
        foreach (var run in Trained.Runs)
        {
            evidence.Record($"{run.Role}: live tensors after each epoch", string.Join(", ", run.Epochs.Select(epoch => epoch.LiveTensors)));
            Require.That(run.Epochs.Select(epoch => epoch.LiveTensors).Distinct().Count() == 1,
                $"{run.Model} must free every batch's tensors: the live tensors after each epoch must stay the same; measured {string.Join(", ", run.Epochs.Select(epoch => epoch.LiveTensors))}.");
        }
    }

    [Then("resident memory grows by less than {int} MiB per batch from the first epoch to the last")]
    [Description("The process's resident set size after each epoch. The allocator settling in has grown it by up to 1 MiB a batch in our runs; without dispose scopes each batch of seed 000's networks leaves about 40 MiB behind.")]
    public void ThenMemoryStaysFlat(int limit)
    {
        foreach (var run in Trained.Runs)
        {
            var growth = (run.Last.ResidentBytes - run.Epochs[0].ResidentBytes) / 1048576.0;
            var batches = (run.Epochs.Count - 1) * (int)Math.Ceiling(Trained.Data.Train.Count / (double)Trained.Plan.BatchSize);
            evidence.Record($"{run.Role}: resident memory growth, epoch 1 to {run.Epochs.Count}", growth, "MiB");
            evidence.Record($"{run.Role}: resident memory growth per batch", batches == 0 ? 0 : growth / batches, "MiB");
            Require.That(growth < limit * Math.Max(batches, 1), $"{run.Model} must not leak: resident memory may grow by less than {limit} MiB a batch; it grew by {growth:F1} MiB over {batches} batches.");
        }
    }

    private TrainedComparison Trained => trained ?? throw new InvalidOperationException("Nothing trained yet: a 'Given … trained with Adam …' step must come first.");

    private void Train(string task, string[] roles, double learningRate, int batch)
    {
        // the rules that need a forward pass of 2 samples come first: a model that fails them is not trained
        StructuralRules.RequireBeforeTraining(scenario, context.Submission, context.Settings, roles);
        var settings = TrainingSettings.FromEnvironment();
        var progress = new TrainingProgress(Path.Combine(context.Settings.EvidenceRoot, TrainingProgress.LogFileName), output.WriteLine);
        trained = TrainingExperiment.Train(context, task, roles, learningRate, batch, settings, progress);
        trained.Record(evidence);
    }
}
