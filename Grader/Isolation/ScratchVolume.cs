using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace ConvSpecs.Grader.Isolation;

/// <summary>
/// A student's scratch folder, the only place its code can write: where the grader runs as root, a tmpfs of its
/// own mounted there with a size and an inode limit, so a student cannot fill the disk the results are written to
/// or create files without end, and unmounted (everything in it gone) once the student is graded. The kernel
/// enforces both limits at the write that crosses them (ENOSPC), without the grader measuring anything. Its pages
/// count against the student's memory cgroup as well.
/// </summary>
public sealed class ScratchVolume : IDisposable
{
    private readonly bool mounted;

    private ScratchVolume(string path, bool mounted)
    {
        Path = path;
        this.mounted = mounted;
    }

    public string Path { get; }

    /// <summary>How the limits are enforced here, for the report.</summary>
    public static string Mechanism(long mebibytes, int files) => CanMount.Value
        ? $"scratch: a tmpfs of {mebibytes} MiB and {files} files per student, unmounted after grading"
        : "scratch: NOT limited (the grader is not root, so it cannot mount a tmpfs per student)";

    private static readonly Lazy<bool> CanMount = new(() => OperatingSystem.IsLinux() && Environment.UserName == "root" && Probe());

    /// <summary>An empty folder at <paramref name="path"/> owned by <paramref name="uid"/>, limited where the machine allows.</summary>
    public static ScratchVolume Create(string path, long mebibytes, int files, int uid)
    {
        Directory.CreateDirectory(path);
        if (!CanMount.Value) return new ScratchVolume(Own(path, uid), false);
        var options = string.Create(CultureInfo.InvariantCulture, $"size={mebibytes}m,nr_inodes={files},mode=0700,uid={uid},gid={uid},nosuid,nodev");
        return new ScratchVolume(path, Run("mount", "-t", "tmpfs", "-o", options, "convspecs-scratch", path));
    }

    /// <summary>
    /// Without a tmpfs the folder itself is the scratch: the student's alone (rwx------, whatever the umask made it), and
    /// <paramref name="uid"/>'s, which only root may hand over.
    /// </summary>
    private static string Own(string path, int uid)
    {
        if (OperatingSystem.IsWindows()) return path;
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (uid != Geteuid() && Chown(path, uid, uid) != 0)
            throw new GraderFailure($"the scratch folder {path} could not be handed to user {uid} (chown error {Marshal.GetLastPInvokeError()})");
        return path;
    }

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern int Geteuid();

    [DllImport("libc", EntryPoint = "chown", SetLastError = true)]
    private static extern int Chown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int owner, int group);

    /// <summary>Unmounts the tmpfs (its files are gone) and removes the folder.</summary>
    public void Dispose()
    {
        if (mounted) Run("umount", "--lazy", Path);
        try { Directory.Delete(Path, recursive: true); } catch (Exception gone) when (gone is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>Unmounts what a grader that was killed left mounted below <paramref name="folder"/>.</summary>
    public static void UnmountBelow(string folder)
    {
        if (!CanMount.Value || !File.Exists("/proc/self/mounts")) return;
        var prefix = System.IO.Path.TrimEndingDirectorySeparator(folder) + "/";
        foreach (var line in File.ReadAllLines("/proc/self/mounts"))
            if (line.Split(' ') is [_, var mountPoint, ..] && mountPoint.StartsWith(prefix, StringComparison.Ordinal))
                Run("umount", "--lazy", mountPoint);
    }

    private static bool Probe()
    {
        var folder = Directory.CreateTempSubdirectory("convspecs-mount-probe-").FullName;
        var works = Run("mount", "-t", "tmpfs", "-o", "size=1m,nr_inodes=16", "convspecs-probe", folder);
        if (works) Run("umount", folder);
        Directory.Delete(folder);
        return works;
    }

    private static bool Run(string program, params string[] arguments)
    {
        try
        {
            var info = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in arguments) info.ArgumentList.Add(argument);
            using var process = Process.Start(info)!;
            process.WaitForExit(TimeSpan.FromSeconds(30));
            return process.HasExited && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
