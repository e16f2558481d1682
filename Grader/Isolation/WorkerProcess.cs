using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using ConvSpecs.Grader.Worker;

namespace ConvSpecs.Grader.Isolation;

/// <summary>How one worker process ended: the scenarios it finished, and what stopped it early, if anything.</summary>
/// <param name="Finished">The "end" messages, in order.</param>
/// <param name="Interruption">The scenario it was in (or about to start) when it hung, crashed or was killed, and why; null when it finished.</param>
/// <param name="Fatal">Why the submission could not even be loaded; every remaining scenario fails with it.</param>
public sealed record WorkerOutcome(IReadOnlyList<WorkerMessage> Finished, (int Index, string Reason)? Interruption, string? Fatal);

/// <summary>
/// Starts one worker for one student in the sandbox and under the memory limit, follows its protocol lines,
/// and kills it (with its whole tree) when a scenario or the student's time runs out.
/// </summary>
public static class WorkerProcess
{
    private const int StderrLinesKept = 40;

    public static async Task<WorkerOutcome> RunAsync(WorkerArguments arguments, string scratch, IReadOnlyList<string> hidden,
        Sandbox sandbox, GradingOptions options, DateTime studentDeadline)
    {
        using var memory = MemoryLimit.Create(options.MemoryLimitMiB);
        var info = memory.Enter(sandbox.Wrap(Command(arguments, scratch), scratch, hidden));
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.RedirectStandardInput = true;

        var lines = Channel.CreateUnbounded<string>();
        var stderr = new Queue<string>();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null) lines.Writer.TryComplete();
            else lines.Writer.TryWrite(line.Data);
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (string.IsNullOrWhiteSpace(line.Data)) return;
            lock (stderr)
            {
                stderr.Enqueue(line.Data);
                if (stderr.Count > StderrLinesKept) stderr.Dequeue();
            }
        };
        process.Start();
        // Kept open: the worker ends itself when it closes, that is when this grader is gone.
        using var lifeline = process.StandardInput;
        memory.Watch(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var finished = new List<WorkerMessage>();
        var next = arguments.FirstIndex;
        int? running = null;
        var runningSince = DateTime.UtcNow;
        WorkerMessage? exit = null;
        while (true)
        {
            var scenarioDeadline = running is null ? DateTime.MaxValue : runningSince + options.ScenarioTimeout;
            var deadline = scenarioDeadline < studentDeadline ? scenarioDeadline : studentDeadline;
            var line = await ReadAsync(lines.Reader, deadline);
            if (line == TimedOut)
            {
                Kill(process);
                var reason = deadline == scenarioDeadline
                    ? $"timed out after {options.ScenarioTimeout.TotalSeconds:0} s (the limit per scenario)"
                    : $"timed out: the student's time limit of {options.StudentTimeout.TotalSeconds:0} s ran out";
                return new WorkerOutcome(finished, (running ?? next, reason), null);
            }
            if (line is null) break;
            if (WorkerMessage.Parse((string)line) is not { } message) continue;
            switch (message.Kind)
            {
                case "start" when running is null && message.Index == next:
                    running = message.Index;
                    runningSince = DateTime.UtcNow;
                    break;
                case "end" when message.Index == running:
                    finished.Add(message);
                    running = null;
                    next++;
                    break;
                case "exit" when message.Index == running:
                    exit = message;
                    break;
                case "fatal":
                    Kill(process);
                    return new WorkerOutcome(finished, null, message.Message);
                case "done" when next == arguments.FirstIndex + arguments.Scenarios.Count:
                    await process.WaitForExitAsync();
                    return new WorkerOutcome(finished, null, null);
            }
        }

        // Its stdout closed before "done": the process is gone or going.
        if (!process.WaitForExit(TimeSpan.FromSeconds(10))) Kill(process);
        await process.WaitForExitAsync();
        string[] tail;
        lock (stderr) tail = [.. stderr];
        return new WorkerOutcome(finished, (running ?? next, CrashReason(process.ExitCode, exit, memory, options, tail)), null);
    }

    private static string CrashReason(int exitCode, WorkerMessage? exit, MemoryLimit memory, GradingOptions options, string[] stderr)
    {
        if (memory.Exceeded)
            return $"killed: it went over the memory limit of {options.MemoryLimitMiB} MiB";
        if (exit is not null)
            return $"crashed: {exit.Message}, which ends the whole process";
        var hint = stderr.Length == 0 ? "" : $"; its last output: {Shorten(string.Join(" / ", stderr.TakeLast(3)), 300)}";
        return exitCode > 128
            ? $"crashed: killed by signal {exitCode - 128} ({SignalName(exitCode - 128)}){hint}"
            : $"crashed: the process ended with exit code {exitCode} in the middle of the scenario{hint}";
    }

    private static string SignalName(int signal) => signal switch
    {
        6 => "SIGABRT: a native abort or a .NET fatal error such as a stack overflow",
        9 => "SIGKILL",
        11 => "SIGSEGV: a native crash",
        _ => "signal",
    };

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    private static readonly object TimedOut = new();

    private static async Task<object?> ReadAsync(ChannelReader<string> reader, DateTime deadline)
    {
        var left = deadline == DateTime.MaxValue ? Timeout.InfiniteTimeSpan : deadline - DateTime.UtcNow;
        if (left != Timeout.InfiniteTimeSpan && left <= TimeSpan.Zero) return TimedOut;
        using var cancel = new CancellationTokenSource(left);
        try
        {
            return await reader.WaitToReadAsync(cancel.Token) && reader.TryRead(out var line) ? line : null;
        }
        catch (OperationCanceledException)
        {
            return TimedOut;
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        process.WaitForExit();
    }

    /// <summary>This program again, in worker mode, with an environment of its own (no secrets of the grader's).</summary>
    private static ProcessStartInfo Command(WorkerArguments arguments, string scratch)
    {
        var apphost = Path.Combine(AppContext.BaseDirectory, "ConvSpecs.Grader");
        var info = File.Exists(apphost) ? new ProcessStartInfo(apphost) : new ProcessStartInfo("dotnet");
        if (!File.Exists(apphost)) info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ConvSpecs.Grader.dll"));
        foreach (var argument in arguments.ToArgs()) info.ArgumentList.Add(argument);

        var temp = Path.Combine(scratch, "tmp");
        Directory.CreateDirectory(temp);
        info.Environment.Clear();
        info.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        info.Environment["HOME"] = scratch;
        info.Environment["TMPDIR"] = temp;
        info.Environment["LANG"] = "C.UTF-8";
        info.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // no diagnostics socket in TMPDIR, and no debugger or profiler can be attached to it
        info.Environment["DOTNET_EnableDiagnostics"] = "0";
        return info;
    }
}
