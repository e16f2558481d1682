using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using static System.FormattableString;

namespace ConvSpecs.Bench;

/// <summary>
/// Runs every (network, implementation) in its own process, the implementations interleaved and the whole round
/// repeated, so that peak memory is each run's own and a slow moment of the machine does not land on one side only;
/// then prints the medians as a markdown table.
/// </summary>
public sealed class Orchestrator(string repository, int repeats, int epochs, int steps)
{
    private static readonly string[] Nets = ["flatten", "gap"];

    // the implementations in the order of the table; the key names the measuring process
    private static readonly (string Key, string Label)[] Implementations =
    [
        ("pytorch", "PyTorch"),
        ("bare", "TorchSharp"),
        ("bare-glibc-defaults", "TorchSharp, glibc defaults"),
        ("suite", "TorchSharp, the suite's loop"),
    ];

    public void Run()
    {
        var results = new List<(string Key, Measurement Measurement)>();
        for (var round = 1; round <= repeats; round++)
            foreach (var net in Nets)
                foreach (var (key, _) in Implementations)
                {
                    var measurement = Measure(key, net);
                    Console.Error.WriteLine(Invariant($"round {round}/{repeats}: {net,-7} {key,-20} {measurement.ImagesPerSecond,6:F0} images/s, peak RSS {measurement.PeakRssMiB:F0} MiB"));
                    results.Add((key, measurement));
                }
        Console.WriteLine(Table(results));
    }

    private Measurement Measure(string key, string net)
    {
        var arguments = $"--net {net} --epochs {epochs} --steps {steps}";
        var start = key == "pytorch"
            ? new ProcessStartInfo("/usr/bin/python3", $"{Path.Combine(repository, "bench", "pytorch_bench.py")} {arguments} --threads 2 --data {Path.Combine(repository, "data", "mnist-10k")}")
            : Self($"measure {key} {arguments}");
        start.RedirectStandardOutput = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{start.FileName} {start.Arguments} exited with {process.ExitCode}");
        return JsonSerializer.Deserialize<Measurement>(output.Trim().Split('\n')[^1], Measurement.Json)!;
    }

    private static ProcessStartInfo Self(string arguments)
    {
        // run as "dotnet ConvSpecs.Bench.dll" or as its apphost
        var host = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? new ProcessStartInfo(host, $"{typeof(Orchestrator).Assembly.Location} {arguments}")
            : new ProcessStartInfo(host, arguments);
    }

    private string Table(List<(string Key, Measurement Measurement)> results)
    {
        IEnumerable<Measurement> Runs(string key, string net) =>
            results.Where(result => result.Key == key && result.Measurement.Net == net).Select(result => result.Measurement);
        Measurement Median(string key, string net, Func<Measurement, double> by) => Runs(key, net).OrderBy(by).ElementAt(repeats / 2);
        double Speed(string key, string net) => Median(key, net, m => m.ImagesPerSecond).ImagesPerSecond;

        var any = results[0].Measurement;
        var lines = new List<string>
        {
            Invariant($"Seed 000's networks, batch {any.Batch}, 3×32×32 (data/mnist-10k padded), {any.Threads} threads, {epochs} epochs of {steps} steps; ") +
            Invariant($"median of {repeats} runs; speed over epochs 2–{epochs}, the first being warm-up; {results.First(r => r.Key == "pytorch").Measurement.Implementation}"),
            "",
            "| network | implementation | steps/s | images/s | peak RSS (MiB) | highest peak RSS of the runs (MiB) | RSS growth, epoch 1 → last |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
        };
        foreach (var net in Nets)
            foreach (var (key, label) in Implementations)
            {
                var speed = Median(key, net, m => m.ImagesPerSecond);
                lines.Add(Invariant($"| {net} | {label} | {speed.StepsPerSecond:F1} | {speed.ImagesPerSecond:F0} | {Median(key, net, m => m.PeakRssMiB).PeakRssMiB:F0} | {Runs(key, net).Max(m => m.PeakRssMiB):F0} | {Median(key, net, m => m.RssGrowth).RssGrowth:+0.0%;-0.0%;0.0%} |"));
            }
        lines.AddRange(["", "| network | TorchSharp / PyTorch | TorchSharp with glibc defaults / PyTorch | suite's loop / bare loop |", "| --- | ---: | ---: | ---: |"]);
        foreach (var net in Nets)
            lines.Add(Invariant($"| {net} | {Speed("bare", net) / Speed("pytorch", net):F2}× | {Speed("bare-glibc-defaults", net) / Speed("pytorch", net):F2}× | {Speed("suite", net) / Speed("bare", net):P0} |"));
        return string.Join(Environment.NewLine, lines);
    }
}
