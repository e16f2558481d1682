using System.Diagnostics;
using System.Globalization;

namespace ConvSpecs.Grader.Isolation;

/// <summary>
/// The memory limit of one worker. Where the grader may create a memory cgroup (v2 or v1) the kernel enforces
/// it and kills the worker at the limit; elsewhere a watchdog samples the resident memory of the worker's
/// process tree every 100 ms and kills it when over (a burst between two samples can get past it).
/// </summary>
public sealed class MemoryLimit : IDisposable
{
    private static readonly Lazy<CgroupRoot?> Root = new(CgroupRoot.Find);
    private static int created;

    private readonly long bytes;
    private readonly string? cgroup;
    private Timer? watchdog;
    private volatile bool tripped;

    private MemoryLimit(long bytes, string? cgroup)
    {
        this.bytes = bytes;
        this.cgroup = cgroup;
    }

    /// <summary>How the limit is enforced on this machine, for the report.</summary>
    public static string Mechanism => Root.Value is { } root
        ? $"a memory cgroup ({root.Version}): the kernel stops the worker at the limit"
        : "sampled: the anonymous resident memory (RssAnon) of the worker's processes, every 100 ms (no memory cgroup could be created here)";

    public static MemoryLimit Create(long mebibytes)
    {
        var bytes = mebibytes * 1024 * 1024;
        var name = $"convspecs-{Environment.ProcessId}-{Interlocked.Increment(ref created)}";
        return new MemoryLimit(bytes, Root.Value?.CreateGroup(name, bytes));
    }

    /// <summary>The command, made to enter the cgroup before it starts (so every child it forks is inside too).</summary>
    public ProcessStartInfo Enter(ProcessStartInfo command)
    {
        if (cgroup is null) return command;
        var entering = new ProcessStartInfo("sh") { WorkingDirectory = command.WorkingDirectory };
        foreach (var argument in new[] { "-c", "echo $$ > \"$0\" && exec \"$@\"", Path.Combine(cgroup, "cgroup.procs"), command.FileName })
            entering.ArgumentList.Add(argument);
        foreach (var argument in command.ArgumentList) entering.ArgumentList.Add(argument);
        return entering;
    }

    /// <summary>Without a cgroup, starts the watchdog on the started process.</summary>
    public void Watch(Process process)
    {
        if (cgroup is not null) return;
        watchdog = new Timer(_ =>
        {
            if (tripped || ResidentBytes(process.Id) <= bytes) return;
            tripped = true;
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        }, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
    }

    /// <summary>Whether the worker was killed for going over the limit.</summary>
    public bool Exceeded => tripped || cgroup is not null && Root.Value!.OomKills(cgroup) > 0;

    public void Dispose()
    {
        watchdog?.Dispose();
        if (cgroup is null) return;
        // The group empties a moment after its last process is reaped.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                Directory.Delete(cgroup);
                return;
            }
            catch (IOException)
            {
                Thread.Sleep(20);
            }
        }
    }

    private static long ResidentBytes(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var stat in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(stat), out var pid)) continue;
            try
            {
                // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ')'.
                var text = File.ReadAllText(Path.Combine(stat, "stat"));
                var parent = int.Parse(text[(text.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(pid);
            }
            catch (IOException) { }
        }
        long total = 0;
        var pending = new Stack<int>([root]);
        while (pending.TryPop(out var pid))
        {
            total += Resident(pid);
            foreach (var child in children.GetValueOrDefault(pid) ?? []) pending.Push(child);
        }
        return total;
    }

    private static long Resident(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(text => text.StartsWith("RssAnon:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The memory cgroup this process is in, under which the grader may make one group per worker.</summary>
    private sealed record CgroupRoot(string Version, string Path, string LimitFile, string EventsFile)
    {
        public static CgroupRoot? Find()
        {
            if (!OperatingSystem.IsLinux() || !File.Exists("/proc/self/cgroup")) return null;
            var lines = File.ReadAllLines("/proc/self/cgroup");
            var candidates = new List<CgroupRoot>();
            if (File.Exists("/sys/fs/cgroup/cgroup.controllers") && lines.FirstOrDefault(line => line.StartsWith("0::", StringComparison.Ordinal)) is { } unified)
                candidates.Add(new CgroupRoot("v2", "/sys/fs/cgroup" + unified[3..], "memory.max", "memory.events"));
            if (lines.FirstOrDefault(line => line.Split(':') is [_, var controllers, _] && controllers.Split(',').Contains("memory")) is { } v1)
                candidates.Add(new CgroupRoot("v1", "/sys/fs/cgroup/memory" + v1.Split(':')[2], "memory.limit_in_bytes", "memory.oom_control"));
            return candidates.FirstOrDefault(candidate => candidate.Probe());
        }

        public string? CreateGroup(string name, long bytes)
        {
            var group = System.IO.Path.Combine(Path, name);
            try
            {
                Directory.CreateDirectory(group);
                File.WriteAllText(System.IO.Path.Combine(group, LimitFile), bytes.ToString(CultureInfo.InvariantCulture));
                return group;
            }
            catch (Exception failed) when (failed is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }

        /// <summary>"oom_kill N" in memory.events (v2) or memory.oom_control (v1).</summary>
        public long OomKills(string group)
        {
            try
            {
                return File.ReadLines(System.IO.Path.Combine(group, EventsFile))
                    .Select(line => line.Split(' '))
                    .Where(parts => parts is ["oom_kill", _])
                    .Sum(parts => long.Parse(parts[1], CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                return 0;
            }
        }

        private bool Probe()
        {
            var group = CreateGroup($"convspecs-probe-{Environment.ProcessId}", 1L << 30);
            if (group is null) return false;
            try { Directory.Delete(group); } catch (IOException) { }
            return true;
        }
    }
}
