using System.Collections.Concurrent;
using System.Reflection;
using static TorchSharp.torch;

namespace ConvSpecs.Drivers.Training;

/// <summary>
/// Trains a submission's models for a task, each once per process: the scenarios of an experiment share one training
/// per (submission as compiled, model, role, profile, data, seed, device, plan), so several rules cost one training.
/// </summary>
public static class TrainingExperiment
{
    // The model's assembly: each check compiles the folder anew (each save in --watch), and a saved model must train anew.
    private sealed record Key(string Submission, Assembly Compiled, string Model, string Role, string Profile, string Data, long Seed, string Device, double LearningRate, int BatchSize);

    private static readonly ConcurrentDictionary<Key, Lazy<TrainingRun>> Runs = new();

    public static TrainedComparison Train(ModelContext context, string task, IReadOnlyList<string> roles, double learningRate, int batchSize,
        TrainingSettings settings, TrainingProgress progress)
    {
        var entries = roles.Select(role => context.Find(task, role)).ToList();
        var (source, _) = ExperimentDataSets.Choose(task, settings);
        var budget = settings.Profile.For(task, source);
        var data = ExperimentDataSets.Load(task, settings, budget, context.Settings.Seed);
        // without a validation split nothing is chosen by looking at the test images, so they may be watched every epoch
        var plan = new TrainingPlan(budget.Epochs, batchSize, learningRate, context.Settings.Seed, TestEveryEpoch: data.Validation is null);
        var dataKey = $"{data.Source} {data.Train.Images.SourceSha256} {data.Train.Count} {data.Test.Count} {data.Validation?.Count}";

        var runs = entries.Select(entry =>
        {
            var who = context.Label(entry);
            var key = new Key(context.Submission.Name, entry.Source.Module.Assembly, entry.SourceName, entry.Role, settings.Profile.Name, dataKey, plan.Seed, context.Device.ToString(), learningRate, batchSize);
            var trainedNow = false;
            var run = Runs.GetOrAdd(key, _ => new Lazy<TrainingRun>(() =>
            {
                trainedNow = true;
                progress.Line($"{who}: training, {settings.Profile.Name} profile, {plan.Describe()}, on {data.Train.Description}");
                return Trainer.Train(entry.Role, who, entry.Create, data, plan, context.Device, progress);
            })).Value;
            if (!trainedNow)
            {
                progress.Line($"{who}: reusing its training from earlier in this run");
                foreach (var epoch in run.Epochs) progress.Output(TrainingProgress.Describe(who, plan.Epochs, epoch));
            }
            return run;
        }).ToList();
        return new TrainedComparison(task, settings.Profile, budget, data, plan, runs, get_num_threads());
    }
}
