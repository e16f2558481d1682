using System.Text.RegularExpressions;
using ConvSpecs.Drivers.Training;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Tests.Training;

/// <summary>progress.log's batch lines carry what a console bar with an ETA per network needs, in a form a script reads.</summary>
public sealed partial class TrainingProgressTests
{
    [Fact]
    public void ABatchLineHasEpochBatchElapsedAndThroughput()
    {
        var line = TrainingProgress.BatchLine("Reference FlattenHeadNet (variant 4, flatten)", 2, 3, 17, 64, 0.43219, 1290.4, TimeSpan.FromSeconds(75.26));

        line.Should().Be("Reference FlattenHeadNet (variant 4, flatten): epoch 2/3, batch 17/64, elapsed 75.3 s, 1290 samples/s, loss 0.4322");
        BatchLine().IsMatch(line).Should().BeTrue();
    }

    [Fact]
    public void TheLogGetsBatchLinesAndTheScenarioOnlyEpochLines()
    {
        var log = Path.Combine(Directory.CreateTempSubdirectory("convspecs-progress-").FullName, TrainingProgress.LogFileName);
        var output = new List<string>();
        var progress = new TrainingProgress(log, output.Add);

        for (var batch = 1; batch <= 3; batch++) progress.Batch("Net", 1, 1, batch, 3, 1.0, 100, TimeSpan.FromSeconds(batch));

        output.Should().BeEmpty("the test output gets one line per epoch, not per batch");
        File.ReadAllLines(log).Should().Contain(line => line.EndsWith("Net: epoch 1/1, batch 3/3, elapsed 3.0 s, 100 samples/s, loss 1.0000", StringComparison.Ordinal),
            "the last batch of an epoch is always logged");
        Directory.Delete(Path.GetDirectoryName(log)!, recursive: true);
    }

    // the form run-specs.sh reads: HH:mm:ss is prefixed in the file
    [GeneratedRegex(@"^(?<network>.+): epoch (?<epoch>\d+)/(?<epochs>\d+), batch (?<batch>\d+)/(?<batches>\d+), elapsed (?<elapsed>[0-9.]+) s, (?<rate>\d+) samples/s, loss (?<loss>\S+)$")]
    private static partial Regex BatchLine();
}
