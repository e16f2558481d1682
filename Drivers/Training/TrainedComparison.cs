using System.Globalization;
using System.Text;
using ConvSpecs.Reports;
using static System.FormattableString;

namespace ConvSpecs.Drivers.Training;

/// <summary>Several models of one submission trained for a task the same way: same data, order, seed and plan.</summary>
public sealed record TrainedComparison(string Task, TrainingProfile Profile, TrainingBudget Budget, ExperimentData Data, TrainingPlan Plan,
    IReadOnlyList<TrainingRun> Runs, int TorchThreads)
{
    public TrainingRun this[string role] => Runs.Single(run => run.Role == role);

    public double[] Epochs => Enumerable.Range(1, Plan.Epochs).Select(epoch => (double)epoch).ToArray();

    /// <summary>How it was trained and on what, and every epoch of every model.</summary>
    public void Record(ScenarioEvidence evidence)
    {
        evidence.Record("training profile", $"{Profile.Name}: {Budget.Describe()}");
        Data.Record(evidence);
        evidence.Record("training", Plan.Describe());
        evidence.Record("data order", "one seeded shuffle per epoch, the same for every model");
        evidence.Record("torch threads", TorchThreads, "threads");
        evidence.Record("variance entering the final Linear",
            $"read by a forward pre-hook on the last Linear to run; per feature over the first {Math.Min(Plan.VarianceBatch, Data.Test.Count)} " +
            "test images in evaluation mode, population form (÷ N), averaged over the features");
        foreach (var run in Runs)
        {
            evidence.Record($"{run.Role} model", run.Model);
            evidence.Record($"{run.Role}: final Linear", run.FinalLinear);
            evidence.Record($"{run.Role}: test accuracy after training", 100 * run.TestAccuracy, "%");
            evidence.Record($"{run.Role}: training time", run.Seconds, "s");
            foreach (var epoch in run.Epochs) RecordEpoch(evidence, run.Role, epoch);
        }
        evidence.AddTable("Per epoch", EpochTable());
    }

    private static void RecordEpoch(ScenarioEvidence evidence, string role, EpochRecord epoch)
    {
        var prefix = $"{role}, epoch {epoch.Epoch}";
        evidence.Record($"{prefix}: mean training loss", epoch.MeanTrainingLoss);
        evidence.Record($"{prefix}: training accuracy", 100 * epoch.TrainingAccuracy, "%");
        if (epoch.ValidationAccuracy is { } validation) evidence.Record($"{prefix}: validation accuracy", 100 * validation, "%");
        if (epoch.TestAccuracy is { } test) evidence.Record($"{prefix}: test accuracy", 100 * test, "%");
        evidence.Record($"{prefix}: variance entering the final Linear", epoch.FinalLinearInputVariance);
        evidence.Record($"{prefix}: training throughput", epoch.SamplesPerSecond, "samples/s");
        evidence.Record($"{prefix}: resident memory", epoch.ResidentBytes / 1048576.0, "MiB");
        evidence.Record($"{prefix}: live tensors", epoch.LiveTensors, "tensors");
    }

    private string EpochTable()
    {
        var table = new StringBuilder()
            .AppendLine("| model | epoch | mean training loss | training accuracy | validation accuracy | test accuracy | variance entering the final Linear | samples/s | RSS (MiB) |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var run in Runs)
            foreach (var e in run.Epochs)
                table.AppendLine(Invariant($"| {run.Role} | {e.Epoch} | {e.MeanTrainingLoss:F4} | {e.TrainingAccuracy:P1} | {Percent(e.ValidationAccuracy)} | {Percent(e.TestAccuracy)} | {e.FinalLinearInputVariance:G4} | {e.SamplesPerSecond:N0} | {e.ResidentBytes >> 20} |"));
        return table.ToString().TrimEnd();
    }

    private static string Percent(double? value) => value is { } fraction ? fraction.ToString("P1", CultureInfo.InvariantCulture) : "–";
}
