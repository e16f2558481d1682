using ConvSpecs.Grader.Check;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Grader.Tests;

/// <summary>The training bar reads the trainer's progress.log: a line per network and epoch when the console is not a terminal.</summary>
public sealed class TrainingBarTests : IDisposable
{
    private readonly string log = Path.Combine(Directory.CreateTempSubdirectory("convspecs-progress-").FullName, "progress.log");

    [Fact]
    public void EachNetworkGetsABarPerEpochWithItsShareDone()
    {
        File.WriteAllText(log, "08:00:00 an earlier run: epoch 1/1, batch 1/1, loss 1.0000, 10 samples/s\n");
        using var console = new StringWriter();

        using (new TrainingBar(log, console, redraw: false))
            File.AppendAllLines(log,
            [
                "08:00:01 flatten: epoch 1/2, batch 1/4, loss 2.3000, 100 samples/s",
                "08:00:02 flatten: epoch 1/2, batch 3/4, loss 2.1000, 100 samples/s",
                "08:00:03 flatten: epoch 1/2: mean training loss 2.0000, training accuracy 30.0%",
                "08:00:04 flatten: epoch 2/2, batch 4/4, loss 1.5000, 100 samples/s",
                "08:00:05 gap: epoch 1/2, batch 2/4, loss 2.2000, 100 samples/s",
            ]);

        var lines = console.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(3).And.NotContain(line => line.Contains("earlier run", StringComparison.Ordinal));
        lines[0].Should().StartWith("    training flatten [###.....................]  12% epoch 1/2 ETA ");
        lines[1].Should().StartWith("    training flatten [########################] 100% epoch 2/2 ETA ");
        lines[2].Should().StartWith("    training gap [######..................]  25% epoch 1/2 ETA ");
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(log)!, recursive: true);
}
