using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using static System.FormattableString;

namespace ConvSpecs.Grader.Check;

/// <summary>
/// While a scenario trains, a progress bar with an ETA per network, read from the trainer's progress.log (which writes
/// the batch it is at, at most once a second). On a terminal one line is redrawn; redirected, a line per epoch.
/// The ETA is computed here from this check's own clock (the log's seconds are too coarse), unless the log brings one.
/// </summary>
public sealed partial class TrainingBar : IDisposable
{
    private const int Width = 24;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    private readonly TextWriter console;
    private readonly bool redraw;
    private readonly string logPath;
    private readonly CancellationTokenSource stop = new();
    private readonly Thread thread;
    private readonly Dictionary<string, (Stopwatch Clock, double FirstFraction, int LastEpoch)> networks = [];
    private long offset;
    private string drawn = "";

    public TrainingBar(string logPath, TextWriter console, bool redraw)
    {
        this.logPath = logPath;
        this.console = console;
        this.redraw = redraw;
        offset = File.Exists(logPath) ? new FileInfo(logPath).Length : 0;
        thread = new Thread(Follow) { IsBackground = true, Name = "training bar" };
        thread.Start();
    }

    public void Dispose()
    {
        stop.Cancel();
        thread.Join();
        ReadNewLines();
        if (redraw && drawn.Length > 0) console.Write($"\r{new string(' ', drawn.Length)}\r");
        stop.Dispose();
    }

    private void Follow()
    {
        while (!stop.Token.WaitHandle.WaitOne(Poll)) ReadNewLines();
    }

    private void ReadNewLines()
    {
        if (!File.Exists(logPath)) return;
        using var stream = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length < offset) offset = 0;
        stream.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var complete = text.LastIndexOf('\n') + 1;
        offset += System.Text.Encoding.UTF8.GetByteCount(text.AsSpan(0, complete));
        foreach (var line in text[..complete].Split('\n', StringSplitOptions.RemoveEmptyEntries))
            if (BatchLine().Match(line) is { Success: true } batch) Show(batch);
    }

    private void Show(Match batch)
    {
        int Number(string group) => int.Parse(batch.Groups[group].Value, CultureInfo.InvariantCulture);
        var (who, epoch, epochs, step, steps) = (batch.Groups["who"].Value, Number("epoch"), Number("epochs"), Number("batch"), Number("batches"));
        var fraction = ((epoch - 1) * (double)steps + step) / (epochs * (double)steps);
        if (!networks.TryGetValue(who, out var network)) network = (Stopwatch.StartNew(), fraction, 0);
        var eta = batch.Groups["eta"].Success ? batch.Groups["eta"].Value : Eta(network.Clock.Elapsed, network.FirstFraction, fraction);
        var filled = (int)Math.Round(fraction * Width);
        var text = Invariant($"    training {who} [{new string('#', filled)}{new string('.', Width - filled)}] {fraction * 100,3:F0}% epoch {epoch}/{epochs} ETA {eta}");
        if (redraw)
        {
            console.Write($"\r{text.PadRight(drawn.Length)}");
            drawn = text;
        }
        else if (epoch != network.LastEpoch || step == steps && epoch == epochs)
        {
            console.WriteLine(text);
        }
        networks[who] = (network.Clock, network.FirstFraction, epoch);
    }

    private static string Eta(TimeSpan elapsed, double first, double now) =>
        now <= first || elapsed < TimeSpan.FromSeconds(1) ? "…" : $"{TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - now) / (now - first)):m\\:ss}";

    [GeneratedRegex(@"^\S+ (?<who>.+?): epoch (?<epoch>\d+)/(?<epochs>\d+), batch (?<batch>\d+)/(?<batches>\d+)(?:.*?ETA (?<eta>[0-9:]+))?")]
    private static partial Regex BatchLine();
}
