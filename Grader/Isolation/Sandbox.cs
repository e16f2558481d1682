using System.Diagnostics;

namespace ConvSpecs.Grader.Isolation;

/// <summary>
/// How a student's worker is walled off, chosen once per run from what this machine allows: bubblewrap
/// (no network, a read-only file system, the other students and the results hidden), else a network
/// namespace alone (unshare), else nothing beyond a process of its own. <see cref="Isolated"/> and
/// <see cref="NotIsolated"/> say exactly what holds, for the report.
/// </summary>
public sealed class Sandbox
{
    private Sandbox(string name, IReadOnlyList<string> isolated, IReadOnlyList<string> notIsolated, Func<ProcessStartInfo, string, IReadOnlyList<string>, ProcessStartInfo> wrap)
    {
        Name = name;
        Isolated = isolated;
        NotIsolated = notIsolated;
        this.wrap = wrap;
    }

    private readonly Func<ProcessStartInfo, string, IReadOnlyList<string>, ProcessStartInfo> wrap;

    /// <summary>bubblewrap, unshare-net or none.</summary>
    public string Name { get; }

    public IReadOnlyList<string> Isolated { get; }

    public IReadOnlyList<string> NotIsolated { get; }

    /// <summary>The command run inside the sandbox, writable only in <paramref name="scratch"/>, with <paramref name="hidden"/> folders emptied.</summary>
    public ProcessStartInfo Wrap(ProcessStartInfo command, string scratch, IReadOnlyList<string> hidden) => wrap(command, scratch, hidden);

    /// <summary>The strongest sandbox that runs here; "none" when asked for none or nothing works (the reason is in <see cref="NotIsolated"/>).</summary>
    public static Sandbox Detect(string request)
    {
        if (request == "none") return None("isolation was turned off (--isolation none)");
        if (Works("bwrap", [.. BubblewrapOptions(), "true"])) return Bubblewrap();
        if (Works("unshare", ["--net", "true"])) return UnshareNet();
        return None("neither bubblewrap (Debian package bubblewrap) nor unshare --net could run here");
    }

    private static Sandbox Bubblewrap() => new("bubblewrap",
        [
            "no network: a network namespace of its own, with only a loopback that is down",
            "read-only file system, except its own scratch folder (also its HOME and TMPDIR)",
            "the submissions folder and the grading output are hidden (empty, read-only)",
            "its own PID, IPC and UTS namespaces: it cannot see or signal other processes",
            "no capabilities (--cap-drop ALL): it cannot remount anything writable",
            "its own process, killed with its whole tree at the time and memory limits",
        ],
        [
            "it can read the rest of the machine's files (the repository with the reference solution, system files)",
            "CPU: it shares the cores with the other students graded at the same time (the time limits bound it)",
            "no seccomp system-call filter; it runs as the grader's user, without capabilities",
        ],
        (command, scratch, hidden) =>
        {
            var wrapped = new ProcessStartInfo("bwrap") { WorkingDirectory = scratch };
            foreach (var option in BubblewrapOptions()) wrapped.ArgumentList.Add(option);
            foreach (var folder in hidden)
                Add(wrapped, "--tmpfs", folder);
            Add(wrapped, "--bind", scratch, scratch);
            foreach (var folder in hidden)
                Add(wrapped, "--remount-ro", folder);
            Add(wrapped, "--chdir", scratch, command.FileName);
            foreach (var argument in command.ArgumentList) wrapped.ArgumentList.Add(argument);
            return wrapped;
        });

    private static Sandbox UnshareNet() => new("unshare-net",
        ["no network: a network namespace of its own (unshare --net)", "its own process, killed with its whole tree at the time and memory limits"],
        ["bubblewrap is not available or does not run here: the file system is not restricted, so a student's code could read or write other students' folders and the results"],
        (command, scratch, _) =>
        {
            var wrapped = new ProcessStartInfo("unshare") { WorkingDirectory = scratch };
            Add(wrapped, "--net", command.FileName);
            foreach (var argument in command.ArgumentList) wrapped.ArgumentList.Add(argument);
            return wrapped;
        });

    private static Sandbox None(string why) => new("none",
        ["its own process, killed with its whole tree at the time and memory limits"],
        [$"no sandbox: {why}; student code has the network and the grader's file access"],
        (command, scratch, _) =>
        {
            command.WorkingDirectory = scratch;
            return command;
        });

    private static string[] BubblewrapOptions() =>
    [
        "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
        "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
        "--cap-drop", "ALL", "--new-session",
        // No --die-with-parent: it ties bwrap to the thread that started it, and .NET retires idle pool threads
        // after about 20 s, which killed healthy workers. A worker ends itself when the grader's end of its stdin closes.
    ];

    private static void Add(ProcessStartInfo info, params string[] arguments)
    {
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
    }

    private static bool Works(string program, IReadOnlyList<string> arguments)
    {
        try
        {
            var info = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in arguments) info.ArgumentList.Add(argument);
            using var probe = Process.Start(info)!;
            probe.WaitForExit(TimeSpan.FromSeconds(10));
            return probe.HasExited && probe.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
