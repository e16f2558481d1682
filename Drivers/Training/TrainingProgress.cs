using System.Diagnostics;
using System.Globalization;
using static System.FormattableString;

namespace ConvSpecs.Drivers.Training;

/// <summary>
/// Where training says how it goes: a line per epoch to the scenario's output, and to progress.log in the evidence
/// folder every epoch and, at most once a second, the batch it is at. The test platform shows a test's output only
/// when the test ends, so run-specs.sh reads progress.log while the tests run and draws a bar with an ETA per network
/// from the batch lines, whose form is fixed (<see cref="BatchLine"/>):
/// <c>HH:mm:ss &lt;network&gt;: epoch E/N, batch B/M, elapsed S s, R samples/s, loss L</c>, S the seconds since that
/// network began training, R the training throughput of the current epoch so far.
/// </summary>
public sealed class TrainingProgress(string logPath, Action<string> scenarioOutput)
{
    public const string LogFileName = "progress.log";

    private static readonly Lock LogLock = new();
    private readonly Stopwatch sinceLastBatchLine = Stopwatch.StartNew();

    public void Batch(string who, int epoch, int epochs, int batch, int batches, double loss, double samplesPerSecond, TimeSpan elapsed)
    {
        if (sinceLastBatchLine.Elapsed < TimeSpan.FromSeconds(1) && batch < batches) return;
        sinceLastBatchLine.Restart();
        Log(BatchLine(who, epoch, epochs, batch, batches, loss, samplesPerSecond, elapsed));
    }

    /// <summary>A batch line of progress.log, without its time of day; no thousands separators, so a script can read it.</summary>
    public static string BatchLine(string who, int epoch, int epochs, int batch, int batches, double loss, double samplesPerSecond, TimeSpan elapsed) =>
        Invariant($"{who}: epoch {epoch}/{epochs}, batch {batch}/{batches}, elapsed {elapsed.TotalSeconds:F1} s, {samplesPerSecond:F0} samples/s, loss {loss:F4}");

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
