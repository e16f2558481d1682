using System.Text.Json;

namespace ConvSpecs.Bench;

/// <summary>
/// One training run of one network by one implementation, as both sides print it (pytorch_bench.py writes the same
/// JSON): the seconds of each epoch's training steps, and the resident set size after each epoch and at its peak.
/// </summary>
public sealed record Measurement(string Implementation, string Net, int Threads, int Batch, int Steps, double[] EpochSeconds, double[] RssMiB, double PeakRssMiB)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Steps per second after the first epoch, which pays for oneDNN's kernel generation and the allocator's warm-up.</summary>
    public double StepsPerSecond => Steps * (EpochSeconds.Length - 1) / EpochSeconds.Skip(1).Sum();

    public double ImagesPerSecond => StepsPerSecond * Batch;

    /// <summary>Resident memory after the last epoch against after the first, as a fraction.</summary>
    public double RssGrowth => RssMiB[^1] / RssMiB[0] - 1;

    public static double ResidentMiB(string field = "VmRSS") =>
        File.ReadLines("/proc/self/status").Where(line => line.StartsWith(field + ":", StringComparison.Ordinal))
            .Select(line => double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024)
            .Single();
}
