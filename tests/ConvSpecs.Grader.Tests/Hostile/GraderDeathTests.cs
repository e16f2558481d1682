using System.Diagnostics;
using System.Globalization;
using ConvSpecs.Grader.Isolation;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Grader.Tests.Hostile;

/// <summary>
/// A student's processes die with the grader, whatever they do: here a worker whose ProcessExit handler never
/// returns, with a daemon of its own, while the grader (a real grade command) is killed with SIGKILL.
/// </summary>
public sealed class GraderDeathTests
{
    [Fact]
    public async Task EveryProcessOfAStudentDiesWhenTheGraderIsKilled()
    {
        var root = Path.Combine(Path.GetTempPath(), "convspecs-grader-tests", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), "death");
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        var marker = $"{HostileStudents.Marker}-orphan-{Environment.ProcessId}";
        var folder = Directory.CreateDirectory(Path.Combine(root, "submissions", "Immortal")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "Model.cs"), Immortal(marker), TestContext.Current.CancellationToken);

        var grader = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "ConvSpecs.Grader"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "grade", Path.Combine(root, "submissions"), "--out", Path.Combine(root, "output"), "--scenario-timeout", "600", "--student-timeout", "600", "--api", "any", "--no-cache" })
            grader.ArgumentList.Add(argument);
        using var process = Process.Start(grader)!;
        try
        {
            // Generous: the grader starts, compiles in its child, and the worker builds the model.
            (await Eventually(() => HostileBatch.ProcessesNaming(marker).Count > 0, TimeSpan.FromMinutes(5)))
                .Should().BeTrue("the immortal student's daemon should have started");

            if (StudentCgroup.Complete) StudentCgroup.CountMembers(process.Id).Should().BePositive();
            process.Kill();
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);

            // Its workers, its compilers and whatever they started: every process in the grader's cgroups.
            (await Eventually(() => HostileBatch.ProcessesNaming(marker).Count == 0 && HostileBatch.ProcessesNaming(root).Count == 0
                                    && StudentCgroup.CountMembers(process.Id) == 0, TimeSpan.FromMinutes(1)))
                .Should().BeTrue($"nothing of the student's should outlive the grader, but these are alive: {string.Join(" | ", HostileBatch.ProcessesNaming(root).Concat(HostileBatch.ProcessesNaming(marker)))}" +
                                 $" ({StudentCgroup.CountMembers(process.Id)} processes in its cgroups)");
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            ScratchVolume.UnmountBelow(Path.Combine(root, "output"));
            StudentCgroup.RemoveLeftovers(process.Id);
        }
    }

    private static async Task<bool> Eventually(Func<bool> condition, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            if (condition()) return true;
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        return condition();
    }

    /// <summary>A model whose constructor starts a daemon, makes its process unable to exit, and never returns.</summary>
    private static string Immortal(string marker) => $$"""
        using ConvSpecs.Models;
        using TorchSharp.Modules;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        namespace Students.Immortal;

        [Variant(2)]
        public sealed class Model : Module<Tensor, Tensor>
        {
            private readonly Conv2d conv = Conv2d(3, 64, 2, stride: 2, padding: 0L);

            public Model() : base(nameof(Model))
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => { while (true) Thread.Sleep(1000); };
                System.Diagnostics.Process.Start("setsid", new[] { "-f", "sh", "-c", "trap '' HUP TERM INT; while :; do sleep 1; done", "{{marker}}" });
                Thread.Sleep(Timeout.Infinite);
            }

            public override Tensor forward(Tensor x) => conv.call(x);
        }
        """;
}
