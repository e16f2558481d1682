using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ConvSpecs.Grader.Isolation;

/// <summary>What a sandboxed process may see besides the system's programs and libraries.</summary>
/// <param name="Scratch">Its only writable folder (also HOME and the working directory).</param>
/// <param name="ReadOnly">Folders and files it may read (the built grader, the data sets).</param>
/// <param name="Hidden">Folders emptied should they lie in one of those (the submissions, the results).</param>
/// <param name="Sources">The student's own folder, read-only: the compiler compiles it, the specs read the model's forward in it.</param>
public sealed record SandboxView(string Scratch, IReadOnlyList<string> ReadOnly, IReadOnlyList<string> Hidden, string? Sources = null);

/// <summary>
/// How a student's processes are walled off, chosen once per run from what this machine allows: bubblewrap
/// with nothing of the host but the runtime, the built grader and the data bound in (read-only), its scratch
/// folder (writable), private /tmp, /dev and /proc, and an unprivileged user; else nothing beyond a process of its
/// own. <see cref="Isolated"/> and <see cref="NotIsolated"/> say exactly what holds, for the report.
/// </summary>
public sealed class Sandbox
{
    /// <summary>nobody: the user a student's code runs as when the grader runs as root.</summary>
    public const int Nobody = 65534;

    private readonly Func<ProcessStartInfo, SandboxView, ProcessStartInfo> wrap;

    private Sandbox(string name, int outsideUid, IReadOnlyList<string> isolated, IReadOnlyList<string> notIsolated, Func<ProcessStartInfo, SandboxView, ProcessStartInfo> wrap)
    {
        Name = name;
        OutsideUid = outsideUid;
        Isolated = isolated;
        NotIsolated = notIsolated;
        this.wrap = wrap;
    }

    /// <summary>bubblewrap or none.</summary>
    public string Name { get; }

    /// <summary>The user id the student's processes have on the host (its scratch folder must belong to it).</summary>
    public int OutsideUid { get; }

    public IReadOnlyList<string> Isolated { get; }

    public IReadOnlyList<string> NotIsolated { get; }

    /// <summary>The command run inside the sandbox, seeing only <paramref name="view"/>.</summary>
    public ProcessStartInfo Wrap(ProcessStartInfo command, SandboxView view) => wrap(command, view);

    /// <summary>
    /// The strongest sandbox that runs here; "none" when asked for none or bubblewrap does not run (the reason is
    /// in <see cref="NotIsolated"/>). <paramref name="mustRead"/>: folders the student's user has to read (the
    /// submissions); <paramref name="mustEnter"/>: folders it has to pass through (those holding the scratch folders, which
    /// bubblewrap binds as that user). When nobody cannot, the sandbox keeps the grader's user, mapped to nobody inside.
    /// </summary>
    public static Sandbox Detect(string request, IReadOnlyList<string> mustRead, IReadOnlyList<string>? mustEnter = null)
    {
        var root = Geteuid() == 0;
        if (request == "none") return None("isolation was turned off (--isolation none)", root);
        if (!Works(["bwrap", .. BubblewrapOptions(), .. SystemBinds(), "true"])) return None("bubblewrap (Debian package bubblewrap) is not installed or does not run here", root);
        var asNobody = root
            && Works(["setpriv", .. DropToNobody(), "sh", "-c", "for f; do test -r \"$f\" && test -x \"$f\" || exit 1; done", "sh", .. Readable(mustRead)])
            && Works(["setpriv", .. DropToNobody(), "sh", "-c", "for f; do test -x \"$f\" || exit 1; done", "sh", .. mustEnter ?? []]);
        return Bubblewrap(asNobody, root);
    }

    private static Sandbox Bubblewrap(bool asNobody, bool root) => new("bubblewrap", asNobody ? Nobody : (int)Geteuid(),
        [
            "no network: a network namespace of its own, with only a loopback that is down; no abstract or host Unix socket is reachable",
            "a file system of its own: the system's /usr, the built grader and the data sets read-only, its scratch folder writable; private /tmp, /dev and /proc; the other students, the results and the grader's /tmp are not there",
            "its own user, PID, IPC, UTS and cgroup namespaces, no capabilities (--cap-drop ALL): it cannot see or signal the grader, and /proc/self/cgroup names no host path",
            asNobody ? "it runs as the unprivileged user nobody (65534), inside and on the host" : "it runs as nobody inside its user namespace",
            "an environment of its own: only what the worker needs, no variable of the grader's; DOTNET_EnableDiagnostics=0",
            "every process of the student is in one cgroup, ended at once with cgroup.kill, and killed with bubblewrap's PID namespace when the grader dies",
        ],
        [
            .. asNobody ? Array.Empty<string>() : [root
                ? "it runs as nobody inside its user namespace but as the grader's user (root) on the host, without capabilities: nobody could not read the submissions, the built grader or the data sets, or reach the output folder here"
                : "it runs as the grader's user on the host (mapped to nobody inside), without capabilities"],
            "it can read the system's programs and libraries, the built grader (with the reference solution compiled in) and the data sets",
            "no seccomp system-call filter",
        ],
        (command, view) =>
        {
            var wrapped = new ProcessStartInfo(asNobody ? "setpriv" : "bwrap") { WorkingDirectory = view.Scratch };
            if (asNobody) Add(wrapped, [.. DropToNobody(), "bwrap"]);
            Add(wrapped, BubblewrapOptions());
            Add(wrapped, SystemBinds());
            foreach (var folder in view.ReadOnly.Append(RuntimeFolder()).Distinct(StringComparer.Ordinal))
                Add(wrapped, "--ro-bind-try", folder, folder);
            var hidden = view.Hidden.Where(folder => view.ReadOnly.Any(bound => Inside(folder, bound))).ToList();
            foreach (var folder in hidden) Add(wrapped, "--tmpfs", folder);
            if (view.Sources is { } sources) Add(wrapped, "--ro-bind", sources, sources);
            Add(wrapped, "--bind", view.Scratch, view.Scratch);
            foreach (var folder in hidden) Add(wrapped, "--remount-ro", folder);
            Add(wrapped, "--chdir", view.Scratch, command.FileName);
            Add(wrapped, command.ArgumentList);
            return WithEnvironment(wrapped, command);
        });

    private static Sandbox None(string why, bool root) => new("none", (int)Geteuid(),
        ["its own process and cgroup (when this machine allows one), ended at once at the time and memory limits", "an environment of its own: no variable of the grader's"],
        [$"no sandbox: {why}; student code has the network and the grader's file access{(root ? ", as root" : "")}"],
        (command, view) =>
        {
            // Killed when the grader's launcher thread (alive as long as the grader) is gone.
            var wrapped = new ProcessStartInfo("setpriv") { WorkingDirectory = view.Scratch };
            Add(wrapped, "--pdeathsig", "KILL", "--", command.FileName);
            Add(wrapped, command.ArgumentList);
            return WithEnvironment(wrapped, command);
        });

    private static ProcessStartInfo WithEnvironment(ProcessStartInfo wrapped, ProcessStartInfo command)
    {
        wrapped.Environment.Clear();
        foreach (var (name, value) in command.Environment) wrapped.Environment[name] = value;
        return wrapped;
    }

    private static string[] BubblewrapOptions() =>
    [
        "--unshare-user", "--uid", $"{Nobody}", "--gid", $"{Nobody}",
        "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
        "--cap-drop", "ALL", "--new-session",
        // bwrap and its PID namespace die with the thread that started them: Launcher starts every one from a
        // thread that lives as long as the grader (a pool thread would be retired and kill a healthy worker).
        "--die-with-parent",
        "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
    ];

    /// <summary>Programs and shared libraries (libc, ICU, libstdc++ for libtorch), read-only.</summary>
    private static string[] SystemBinds() =>
    [
        "--ro-bind", "/usr", "/usr",
        .. new[] { "/lib", "/lib64", "/lib32", "/bin", "/sbin" }.SelectMany(folder => new[] { "--ro-bind-try", folder, folder }),
        "--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache",
    ];

    private static bool Inside(string path, string folder) =>
        (Path.TrimEndingDirectorySeparator(path) + "/").StartsWith(Path.TrimEndingDirectorySeparator(folder) + "/", StringComparison.Ordinal);

    private static string RuntimeFolder() => Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    private static string[] DropToNobody() => ["--reuid", $"{Nobody}", "--regid", $"{Nobody}", "--clear-groups", "--"];

    private static IEnumerable<string> Readable(IReadOnlyList<string> folders) => folders.Append(AppContext.BaseDirectory).Append(RuntimeFolder());

    private static void Add(ProcessStartInfo info, params IEnumerable<string> arguments)
    {
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
    }

    private static bool Works(IReadOnlyList<string> command)
    {
        try
        {
            var info = new ProcessStartInfo(command[0]) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in command.Skip(1)) info.ArgumentList.Add(argument);
            info.Environment.Clear();
            info.Environment["PATH"] = "/usr/bin:/bin";
            using var probe = Process.Start(info)!;
            probe.WaitForExit(TimeSpan.FromSeconds(10));
            return probe.HasExited && probe.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint Geteuid();
}
