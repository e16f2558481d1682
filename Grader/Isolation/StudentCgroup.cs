using System.Diagnostics;
using System.Globalization;

namespace ConvSpecs.Grader.Isolation;

/// <summary>The limits every process of one student runs under, compiling and grading alike.</summary>
/// <param name="MemoryMiB">Memory of all its processes together (the kernel kills at the limit).</param>
/// <param name="Processes">Processes and threads together (pids.max): a fork bomb fails to fork, nothing else.</param>
/// <param name="Cores">CPU time per wall second (cfs quota): 64 busy threads get one core, not the machine.</param>
public sealed record StudentLimits(long MemoryMiB, int Processes, double Cores);

/// <summary>
/// One cgroup per student, in every hierarchy this machine lets the grader write: memory, pids and cpu (v1 or v2),
/// and a v2 group for <c>cgroup.kill</c>, which ends every process in it at once whatever they did (setsid,
/// double fork, a new PID namespace): the grader never walks a process tree. Where a controller cannot be
/// created the limit it enforces is missing, and <see cref="Mechanism"/> says so.
/// </summary>
public sealed class StudentCgroup : IDisposable
{
    private static readonly Lazy<Hierarchy?> MemoryHierarchy = new(() => Hierarchy.Find("memory"));
    private static readonly Lazy<Hierarchy?> PidsHierarchy = new(() => Hierarchy.Find("pids"));
    private static readonly Lazy<Hierarchy?> CpuHierarchy = new(() => Hierarchy.Find("cpu"));
    private static readonly Lazy<Hierarchy?> KillHierarchy = new(Hierarchy.FindKill);
    private static int created;

    private readonly List<string> groups = [];
    private readonly string? memory;
    private readonly string? pids;
    private readonly string? kill;
    private long oomKillsBefore;

    private StudentCgroup(StudentLimits limits)
    {
        var name = $"convspecs-{Environment.ProcessId}-{Interlocked.Increment(ref created)}";
        memory = Make(MemoryHierarchy.Value, name, limits);
        pids = Make(PidsHierarchy.Value, name, limits);
        Make(CpuHierarchy.Value, name, limits);
        kill = Make(KillHierarchy.Value, name, limits);
    }

    public static StudentCgroup Create(StudentLimits limits) => new(limits);

    /// <summary>How each limit is enforced on this machine, for the report.</summary>
    public static string Mechanism => string.Join("; ", new[]
    {
        MemoryHierarchy.Value is { } m ? $"memory: a {m.Version} memory cgroup (the kernel kills at the limit)" : "memory: NOT limited (no memory cgroup could be created)",
        PidsHierarchy.Value is { } p ? $"processes: a {p.Version} pids cgroup" : "processes: NOT limited (no pids cgroup)",
        CpuHierarchy.Value is { } c ? $"CPU: a {c.Version} cpu cgroup quota" : "CPU: NOT limited (no cpu cgroup)",
        KillHierarchy.Value is not null ? "ending: cgroup.kill" : "ending: every process listed in the student's cgroup, killed until none is left",
    });

    /// <summary>Whether every limit is enforced by the kernel here (the hostile tests need all of them).</summary>
    public static bool Complete => MemoryHierarchy.Value is not null && PidsHierarchy.Value is not null && CpuHierarchy.Value is not null && KillHierarchy.Value is not null;

    /// <summary>The files a starting process writes its pid to, so that it and every child it forks are inside.</summary>
    public IReadOnlyList<string> ProcsFiles => [.. groups.Select(group => Path.Combine(group, "cgroup.procs"))];

    /// <summary>Marks the start of one worker, so that <see cref="MemoryExceeded"/> counts only its kills.</summary>
    public void BeginRun() => oomKillsBefore = OomKills();

    public bool MemoryExceeded => OomKills() > oomKillsBefore;

    /// <summary>Whether a fork ever failed at the pids limit.</summary>
    public bool ProcessesExceeded => pids is not null && ReadCounter(Path.Combine(pids, "pids.events"), "max") > 0;

    /// <summary>Ends every process of the student and waits (boundedly) until the kernel has reaped them all.</summary>
    public void KillAll(Process? fallback)
    {
        if (kill is not null)
        {
            Write(Path.Combine(kill, "cgroup.kill"), "1");
            WaitUntil(() => ReadCounter(Path.Combine(kill, "cgroup.events"), "populated") == 0);
            return;
        }
        var listed = pids ?? memory;
        if (listed is null)
        {
            try { fallback?.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            return;
        }
        // No cgroup.kill (kernel < 5.14 or no v2 hierarchy): kill what the group lists until it lists nothing;
        // the pids limit bounds how many a forking process can add between two rounds.
        WaitUntil(() =>
        {
            var members = Members(listed);
            foreach (var pid in members)
                try { Process.GetProcessById(pid).Kill(); } catch (Exception gone) when (gone is ArgumentException or InvalidOperationException) { }
            return members.Count == 0;
        });
    }

    /// <summary>Whether a process of this student is still alive.</summary>
    public bool Populated => kill is not null
        ? ReadCounter(Path.Combine(kill, "cgroup.events"), "populated") != 0
        : (pids ?? memory) is { } listed && Members(listed).Count > 0;

    public void Dispose()
    {
        KillAll(null);
        foreach (var group in groups)
            for (var attempt = 0; attempt < 50; attempt++)
            {
                try
                {
                    Directory.Delete(group);
                    break;
                }
                catch (IOException)
                {
                    // A group empties a moment after its last process is reaped.
                    Thread.Sleep(20);
                }
            }
    }

    /// <summary>The processes still in the groups of the grader with process id <paramref name="graderPid"/>, in every hierarchy.</summary>
    public static int CountMembers(int graderPid) => LeftGroups(graderPid).Sum(group => Members(group).Count);

    /// <summary>Removes the (empty) groups a grader with process id <paramref name="graderPid"/> left when it was killed.</summary>
    public static void RemoveLeftovers(int graderPid)
    {
        foreach (var group in LeftGroups(graderPid))
            try { Directory.Delete(group); } catch (IOException) { }
    }

    private static IEnumerable<string> LeftGroups(int graderPid) =>
        new[] { MemoryHierarchy.Value, PidsHierarchy.Value, CpuHierarchy.Value, KillHierarchy.Value }.OfType<Hierarchy>()
            .SelectMany(hierarchy => Directory.EnumerateDirectories(hierarchy.Parent, $"convspecs-{graderPid}-*")).ToList();

    private string? Make(Hierarchy? hierarchy, string name, StudentLimits limits)
    {
        var group = hierarchy?.CreateGroup(name, limits);
        if (group is not null) groups.Add(group);
        return group;
    }

    private long OomKills() => memory is null ? 0 : ReadCounter(Path.Combine(memory, File.Exists(Path.Combine(memory, "memory.events")) ? "memory.events" : "memory.oom_control"), "oom_kill");

    private static List<int> Members(string group)
    {
        try
        {
            return [.. File.ReadAllLines(Path.Combine(group, "cgroup.procs")).Where(line => line.Length > 0).Select(line => int.Parse(line, CultureInfo.InvariantCulture))];
        }
        catch (IOException)
        {
            return [];
        }
    }

    private static void WaitUntil(Func<bool> done)
    {
        for (var attempt = 0; attempt < 500 && !done(); attempt++) Thread.Sleep(20);
    }

    private static long ReadCounter(string file, string key)
    {
        try
        {
            return File.ReadLines(file).Select(line => line.Split(' ')).Where(parts => parts.Length == 2 && parts[0] == key)
                .Sum(parts => long.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static void Write(string file, string text)
    {
        try { File.WriteAllText(file, text); } catch (IOException) { }
    }

    /// <summary>Where the grader may make groups for one controller: below its own group, in v2 or v1.</summary>
    private sealed record Hierarchy(string Controller, string Version, string Parent)
    {
        public static Hierarchy? Find(string controller)
        {
            if (!OperatingSystem.IsLinux() || !File.Exists("/proc/self/cgroup")) return null;
            var lines = File.ReadAllLines("/proc/self/cgroup");
            var candidates = new List<Hierarchy>();
            if (File.Exists("/sys/fs/cgroup/cgroup.controllers") && Unified(lines) is { } path
                && File.ReadAllText("/sys/fs/cgroup/cgroup.controllers").Split(' ', '\n').Contains(controller))
                candidates.Add(new Hierarchy(controller, "v2", "/sys/fs/cgroup" + path));
            if (lines.FirstOrDefault(line => line.Split(':') is [_, var list, _] && list.Split(',').Contains(controller)) is { } v1)
                candidates.Add(new Hierarchy(controller, "v1", $"/sys/fs/cgroup/{controller}{v1.Split(':')[2]}"));
            return candidates.FirstOrDefault(candidate => candidate.Probe());
        }

        /// <summary>A v2 group (unified, or the v2 half of a hybrid mount) with cgroup.kill.</summary>
        public static Hierarchy? FindKill()
        {
            if (!OperatingSystem.IsLinux() || !File.Exists("/proc/self/cgroup")) return null;
            if (Unified(File.ReadAllLines("/proc/self/cgroup")) is not { } path) return null;
            return new[] { "/sys/fs/cgroup", "/sys/fs/cgroup/unified" }
                .Where(mount => File.Exists(Path.Combine(mount, "cgroup.procs")))
                .Select(mount => new Hierarchy("kill", "v2", mount + path))
                .FirstOrDefault(candidate => candidate.Probe());
        }

        public string? CreateGroup(string name, StudentLimits limits)
        {
            var group = System.IO.Path.Combine(Parent, name);
            try
            {
                Directory.CreateDirectory(group);
                foreach (var (file, value) in Settings(limits))
                    File.WriteAllText(System.IO.Path.Combine(group, file), value);
                if (Controller == "kill" && !File.Exists(System.IO.Path.Combine(group, "cgroup.kill")))
                    throw new IOException("no cgroup.kill");
                return group;
            }
            catch (Exception failed) when (failed is IOException or UnauthorizedAccessException)
            {
                try { Directory.Delete(group); } catch (Exception gone) when (gone is IOException or UnauthorizedAccessException) { }
                return null;
            }
        }

        private (string File, string Value)[] Settings(StudentLimits limits)
        {
            const int period = 100_000;
            var quota = ((long)(limits.Cores * period)).ToString(CultureInfo.InvariantCulture);
            var bytes = (limits.MemoryMiB * 1024 * 1024).ToString(CultureInfo.InvariantCulture);
            return (Controller, Version) switch
            {
                ("memory", "v2") => [("memory.max", bytes), ("memory.swap.max", "0")],
                ("memory", _) => [("memory.limit_in_bytes", bytes)],
                ("pids", _) => [("pids.max", limits.Processes.ToString(CultureInfo.InvariantCulture))],
                ("cpu", "v2") => [("cpu.max", $"{quota} {period}")],
                ("cpu", _) => [("cpu.cfs_period_us", period.ToString(CultureInfo.InvariantCulture)), ("cpu.cfs_quota_us", quota)],
                _ => [],
            };
        }

        private bool Probe()
        {
            var group = CreateGroup($"convspecs-probe-{Environment.ProcessId}", new StudentLimits(1024, 100, 1));
            if (group is null) return false;
            try { Directory.Delete(group); } catch (IOException) { }
            return true;
        }

        private static string? Unified(string[] lines) =>
            lines.FirstOrDefault(line => line.StartsWith("0::", StringComparison.Ordinal)) is { } line ? line[3..].TrimEnd('/') : null;
    }
}
