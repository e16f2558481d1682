using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using ConvSpecs.Grader.Compiling;
using ConvSpecs.Grader.Worker;

namespace ConvSpecs.Grader.Isolation;

/// <summary>How one worker process ended: the scenarios it finished, and what stopped it early, if anything.</summary>
/// <param name="Finished">The "end" messages, in order.</param>
/// <param name="Interruption">The scenario it was in (or about to start) when it hung, crashed or was killed, and why; null when it finished.</param>
/// <param name="Fatal">Why the submission could not even be loaded; every remaining scenario fails with it.</param>
public sealed record WorkerOutcome(IReadOnlyList<WorkerMessage> Finished, (int Index, string Reason)? Interruption, string? Fatal);

/// <summary>Where one student's processes run: its sandbox, its cgroup, what it sees, and the run's limits.</summary>
public sealed record StudentBox(Sandbox Sandbox, StudentCgroup Cgroup, SandboxView View, GradingOptions Options);

/// <summary>
/// Starts one student's workers in its sandbox and cgroup, follows their
/// protocol on descriptor 3, and ends every process of the student with its cgroup when a limit is reached or
/// the worker is done.
/// </summary>
public static class WorkerProcess
{
    /// <summary>What <see cref="Session.ReadAsync"/> returns when the deadline passed.</summary>
    internal static readonly object TimedOut = new();

    /// <summary>
    /// The longest the grader takes to end one process of a student's after a limit or "done": the cgroup's processes
    /// reaped (10 s), bubblewrap gone (10 s), its pipes closed (5 s). In practice milliseconds.
    /// </summary>
    public static readonly TimeSpan StopBound = TimeSpan.FromSeconds(25);

    /// <summary>Runs a worker over its scenarios until it is done, crashes, or a scenario's or the student's time runs out.</summary>
    public static async Task<WorkerOutcome> RunAsync(WorkerArguments arguments, StudentBox box, DateTime studentDeadline)
    {
        var options = box.Options;
        await using var session = await Session.StartAsync(arguments.ToArgs(), box);
        var finished = new List<WorkerMessage>();
        var next = arguments.FirstIndex;
        int? running = null;
        var runningSince = DateTime.UtcNow;
        WorkerMessage? exit = null;
        while (true)
        {
            var scenarioDeadline = running is null ? DateTime.MaxValue : runningSince + options.ScenarioTimeout;
            var deadline = scenarioDeadline < studentDeadline ? scenarioDeadline : studentDeadline;
            var line = await session.ReadAsync(deadline);
            if (line == TimedOut)
            {
                var timeout = deadline == scenarioDeadline
                    ? $"timed out after {options.ScenarioTimeout.TotalSeconds:0} s (the limit per scenario)"
                    : $"timed out: the student's time limit of {options.StudentTimeout.TotalSeconds:0} s ran out";
                return new WorkerOutcome(finished, (running ?? next, timeout), null);
            }
            if (line is null) break;
            if (line is not WorkerMessage message) continue;
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
                    return new WorkerOutcome(finished, null, message.Message);
                case "done" when next == arguments.FirstIndex + arguments.Scenarios.Count:
                    // Every result is in: whatever the student left running (a thread, a daemon) is ended with its cgroup.
                    return new WorkerOutcome(finished, null, null);
            }
        }

        // The protocol closed before "done": the process is gone or going.
        await session.StopAsync();
        var reason = session.Limit() is { } limit ? $"killed: {limit}"
            : exit is not null ? $"crashed: {exit.Message}, which ends the whole process"
            : session.ExitCode > 128 ? $"crashed: killed by signal {session.ExitCode - 128} ({SignalName(session.ExitCode - 128)}){session.StderrHint()}"
            : $"crashed: the process ended with exit code {session.ExitCode} in the middle of the scenario{session.StderrHint()}";
        return new WorkerOutcome(finished, (running ?? next, reason), null);
    }

    private static string SignalName(int signal) => signal switch
    {
        6 => "SIGABRT: a native abort or a .NET fatal error such as a stack overflow",
        9 => "SIGKILL",
        11 => "SIGSEGV: a native crash",
        _ => "signal",
    };

    /// <summary>This program again (worker or compile-server), with an environment of its own: only what it needs, set here.</summary>
    private static ProcessStartInfo Command(IEnumerable<string> arguments, StudentBox box)
    {
        var apphost = Path.Combine(AppContext.BaseDirectory, "ConvSpecs.Grader");
        var info = File.Exists(apphost) ? new ProcessStartInfo(apphost) : new ProcessStartInfo("dotnet");
        if (!File.Exists(apphost)) info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ConvSpecs.Grader.dll"));
        foreach (var argument in arguments) info.ArgumentList.Add(argument);

        var scratch = box.View.Scratch;
        var temp = box.Sandbox.Name == "bubblewrap" ? "/tmp" : Directory.CreateDirectory(Path.Combine(scratch, "tmp")).FullName;
        info.WorkingDirectory = scratch;
        info.Environment.Clear();
        info.Environment["PATH"] = "/usr/bin:/bin";
        info.Environment["HOME"] = scratch;
        info.Environment["TMPDIR"] = temp;
        info.Environment["LANG"] = "C.UTF-8";
        info.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // no diagnostics IPC socket, and no debugger or profiler can be attached to it
        info.Environment["DOTNET_EnableDiagnostics"] = "0";
        return info;
    }

    /// <summary>One started process of the student's: its protocol lines, its output's last lines, and how it ended.</summary>
    internal sealed class Session : IAsyncDisposable
    {
        /// <summary>A protocol line longer than this is cut (and so unreadable JSON): a worker's own lines stay far below.</summary>
        private const int MaxProtocolLine = 1 << 20;

        private const int MaxOutputLine = 300;
        private const int OutputLinesKept = 40;

        private readonly Process process;
        private readonly StudentBox box;
        private readonly Channel<CappedLine> protocol = Channel.CreateBounded<CappedLine>(16);
        private readonly Queue<string> output = new();
        private readonly Task pumps;
        private bool stopped;

        private Session(Process process, StudentBox box)
        {
            this.process = process;
            this.box = box;
            var outputLines = Channel.CreateBounded<CappedLine>(16);
            pumps = Task.WhenAll(
                CappedLines.PumpAsync(process.StandardOutput.BaseStream, MaxProtocolLine, protocol.Writer),
                CappedLines.PumpAsync(process.StandardError.BaseStream, MaxOutputLine, outputLines.Writer),
                KeepTailAsync(outputLines.Reader));
        }

        public int ExitCode => process.HasExited ? process.ExitCode : -1;

        public static async Task<Session> StartAsync(IEnumerable<string> arguments, StudentBox box)
        {
            var info = box.Sandbox.Wrap(Command(arguments, box), box.View);
            box.Cgroup.BeginRun();
            return new Session(await Launcher.StartAsync(info, box.Cgroup), box);
        }

        /// <summary>Writes one line to the process's stdin (its lifeline, and the compiler's requests).</summary>
        public async Task SendAsync(string line)
        {
            await process.StandardInput.WriteLineAsync(line);
            await process.StandardInput.FlushAsync();
        }

        /// <summary>The next protocol message; null once the protocol is closed; TimedOut at the deadline.</summary>
        public async Task<object?> ReadAsync(DateTime deadline)
        {
            while (true)
            {
                var left = deadline == DateTime.MaxValue ? Timeout.InfiniteTimeSpan : deadline - DateTime.UtcNow;
                if (left != Timeout.InfiniteTimeSpan && left <= TimeSpan.Zero) return TimedOut;
                using var cancel = new CancellationTokenSource(left);
                try
                {
                    if (!await protocol.Reader.WaitToReadAsync(cancel.Token)) return null;
                }
                catch (OperationCanceledException)
                {
                    return TimedOut;
                }
                if (protocol.Reader.TryRead(out var line) && !line.Cut && WorkerMessage.Parse(line.Text) is { } message) return message;
            }
        }

        /// <summary>Which limit ended it, if one did.</summary>
        public string? Limit() =>
            box.Cgroup.MemoryExceeded ? $"it went over the memory limit of {box.Options.MemoryLimitMiB} MiB"
            : box.Cgroup.ProcessesExceeded ? $"it reached the limit of {box.Options.ProcessLimit} processes and threads"
            : null;

        /// <summary>
        /// Whether bubblewrap or setpriv refused to start it (their own messages, before any program of the grader's ran): the
        /// sandbox could not be set up, which is the grader's failure. Only for the compiler, whose output no student writes.
        /// </summary>
        public bool SetupFailed()
        {
            lock (output) return output.Any(line => line.StartsWith("bwrap: ", StringComparison.Ordinal) || line.StartsWith("setpriv: ", StringComparison.Ordinal));
        }

        public string StderrHint()
        {
            string[] tail;
            lock (output) tail = [.. output];
            if (tail.Length == 0) return "";
            var text = string.Join(" / ", tail.TakeLast(3));
            return $"; its last output: {(text.Length <= 300 ? text : text[..300] + "…")}";
        }

        /// <summary>Ends every process of the student (cgroup.kill) and waits, boundedly, for them and the pipes.</summary>
        public async Task StopAsync()
        {
            if (stopped) return;
            stopped = true;
            box.Cgroup.KillAll(process);
            protocol.Writer.TryComplete();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            // Without a cgroup a daemon could hold the pipes open: the grader stops listening after a while.
            await Task.WhenAny(pumps, Task.Delay(TimeSpan.FromSeconds(5)));
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            process.Dispose();
        }

        private async Task KeepTailAsync(ChannelReader<CappedLine> lines)
        {
            await foreach (var line in lines.ReadAllAsync())
            {
                if (string.IsNullOrWhiteSpace(line.Text)) continue;
                lock (output)
                {
                    output.Enqueue(line.Cut ? line.Text + "…" : line.Text);
                    if (output.Count > OutputLinesKept) output.Dequeue();
                }
            }
        }
    }
}
