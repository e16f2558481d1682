using System.Diagnostics;
using System.Globalization;
using static System.FormattableString;

namespace ConvSpecs.Drivers.Training;

/// <summary>
/// Where training says how it goes: a line per epoch to the scenario's output, and to progress.log in the evidence
/// folder every epoch and, at most once a second, the batch it is at. The test platform shows a test's output only
/// when the test ends, so run-specs.sh prints progress.log on the console while the tests run.
/// </summary>
public sealed class TrainingProgress(string logPath, Action<string> scenarioOutput)
{
    public const string LogFileName = "progress.log";

    private static readonly Lock LogLock = new();
    private readonly Stopwatch sinceLastBatchLine = Stopwatch.StartNew();

    public void Batch(string who, int epoch, int epochs, int batch, int batches, double loss, double samplesPerSecond)
    {
        if (sinceLastBatchLine.Elapsed < TimeSpan.FromSeconds(1) && batch < batches) return;
        sinceLastBatchLine.Restart();
        Log(Invariant($"{who}: epoch {epoch}/{epochs}, batch {batch}/{batches}, loss {loss:F4}, {samplesPerSecond:N0} samples/s"));
    }

    public void Epoch(string who, int epochs, EpochRecord record) => Line(Describe(who, epochs, record));

    /// <summary>To the scenario's output only.</summary>
    public void Output(string text) => scenarioOutput(text);

    /// <summary>To both the scenario's output and progress.log.</summary>
    public void Line(string text)
    {
        scenarioOutput(text);
        Log(text);
    }

    public static string Describe(string who, int epochs, EpochRecord record)
    {
        var measured = new List<string>
        {
            Invariant($"mean training loss {record.MeanTrainingLoss:F4}"),
            Invariant($"training accuracy {record.TrainingAccuracy:P1}"),
        };
        if (record.ValidationAccuracy is { } validation) measured.Add(Invariant($"validation accuracy {validation:P1}"));
        if (record.TestAccuracy is { } test) measured.Add(Invariant($"test accuracy {test:P1}"));
        measured.Add(Invariant($"variance entering the final Linear {record.FinalLinearInputVariance:G4}"));
        measured.Add(Invariant($"{record.SamplesPerSecond:N0} samples/s"));
        measured.Add(Invariant($"RSS {record.ResidentBytes >> 20} MiB"));
        measured.Add(Invariant($"{record.LiveTensors} live tensors"));
        return $"{who}: epoch {record.Epoch}/{epochs}: {string.Join(", ", measured)}";
    }

    private void Log(string text)
    {
        lock (LogLock)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
            File.AppendAllText(logPath, $"{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} {text}{Environment.NewLine}");
        }
    }
}
