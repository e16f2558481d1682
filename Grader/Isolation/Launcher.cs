using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace ConvSpecs.Grader.Isolation;

/// <summary>
/// Starts every student process from one thread that lives as long as the grader. bubblewrap's
/// --die-with-parent (PR_SET_PDEATHSIG) fires when the thread that forked it ends, not the process: started from a
/// pool thread, which .NET retires when idle, it killed healthy workers; started here, it fires only when the
/// grader is gone, however it died.
/// </summary>
public static class Launcher
{
    /// <summary>The descriptor a worker reads its orders from and writes its protocol on; student output never goes there.</summary>
    public const int ProtocolDescriptor = 3;

    private static readonly BlockingCollection<(ProcessStartInfo Info, TaskCompletionSource<Process> Started)> Pending = [];

    static Launcher() => new Thread(() =>
    {
        foreach (var (info, started) in Pending.GetConsumingEnumerable())
        {
            try
            {
                var process = new Process { StartInfo = info };
                process.Start();
                started.SetResult(process);
            }
            catch (Exception failed)
            {
                started.SetException(failed);
            }
        }
    }) { IsBackground = true, Name = "student process launcher" }.Start();

    /// <summary>
    /// Starts <paramref name="command"/> inside <paramref name="cgroup"/> (it enters every group before it execs, so
    /// everything it forks is inside too), its stdout pipe becoming descriptor 3 (the protocol) and descriptor 1
    /// the stderr pipe: whatever the process prints to stdout or stderr arrives on the grader's output pipe.
    /// </summary>
    public static Task<Process> StartAsync(ProcessStartInfo command, StudentCgroup cgroup)
    {
        var info = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = command.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"n=$1; shift; while [ $n -gt 0 ]; do echo $$ > \"$1\" || exit 125; shift; n=$((n-1)); done; exec {ProtocolDescriptor}>&1 1>&2; exec \"$@\"");
        info.ArgumentList.Add("enter-cgroup");
        info.ArgumentList.Add(cgroup.ProcsFiles.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var file in cgroup.ProcsFiles) info.ArgumentList.Add(file);
        info.ArgumentList.Add(command.FileName);
        foreach (var argument in command.ArgumentList) info.ArgumentList.Add(argument);
        info.Environment.Clear();
        foreach (var (name, value) in command.Environment) info.Environment[name] = value;

        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Pending.Add((info, started));
        return started.Task;
    }
}
