using System.ComponentModel;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ConvSpecs.Grader.Files;

/// <summary>
/// Reads files a student controls (their sources, the evidence their process wrote) without ever following a link,
/// blocking or reading without bound. .NET's File API follows links and blocks in open() on a FIFO, so on Linux this
/// asks the kernel directly: statx without following links for the kind, then open with O_NOFOLLOW | O_NONBLOCK
/// (a FIFO opens at once, a link fails), then statx on the open descriptor, so a file swapped after the first
/// look is still caught; reading stops one byte past the cap.
/// </summary>
public static class UntrustedFile
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1;
    private const uint StatxSize = 0x200;
    private const int OReadOnly = 0;
    private const int ONoCtty = 0x100;
    private const int ONonBlock = 0x800;
    private const int OCloseOnExec = 0x80000;

    private const int NoSuchSystemCall = 38; // ENOSYS

    // The one flag whose value differs between Linux's x86-64 and arm64 ABIs.
    private static readonly int ONoFollow = RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;

    /// <summary>The entry's kind and size, from lstat: a link is reported as a link.</summary>
    public static (FileKind Kind, long Size) Inspect(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!Native) return InspectPortably(path);
        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType | StatxSize, out var status) != 0)
            return (FileKind.Missing, 0);
        return (KindOf(status.Mode), (long)status.Size);
    }

    /// <summary>
    /// The whole file, when it is a regular file of at most <paramref name="maxBytes"/>; otherwise an
    /// <see cref="UntrustedFileException"/> that says what it is instead, in words for the student.
    /// </summary>
    public static byte[] Read(string path, long maxBytes, string shownName)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var handle = OpenRegular(path, shownName);
        var length = RandomAccess.GetLength(handle);
        if (length > maxBytes) throw TooLarge(shownName, length, maxBytes);
        var buffer = new byte[checked((int)Math.Min(maxBytes + 1, Math.Max(length, 0) + 1))];
        var total = 0;
        while (total < buffer.Length)
        {
            var read = RandomAccess.Read(handle, buffer.AsSpan(total), total);
            if (read == 0) break;
            total += read;
        }
        // it grew while being read: the cap still holds
        if (total > maxBytes) throw TooLarge(shownName, total, maxBytes);
        return buffer[..total];
    }

    /// <summary>
    /// The path with every symbolic link in it resolved (realpath(3)): the sandbox hides and binds folders by their real
    /// path, so a submissions folder given through a link must be named by its target.
    /// </summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        if (!OperatingSystem.IsLinux()) return full;
        var resolved = RealPath(full, IntPtr.Zero);
        if (resolved == IntPtr.Zero) return full;
        try
        {
            return Marshal.PtrToStringUTF8(resolved) ?? full;
        }
        finally
        {
            Free(resolved);
        }
    }

    /// <summary>"50.0 MB".</summary>
    public static string Size(long bytes) =>
        bytes >= 1_000_000 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.0} MB")
        : bytes >= 1000 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e3:0.0} kB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");

    private static UntrustedFileException TooLarge(string shownName, long bytes, long maxBytes) =>
        new($"{shownName} is {Size(bytes)}; a file here may be at most {Size(maxBytes)}");

    private static SafeFileHandle OpenRegular(string path, string shownName)
    {
        if (!Native)
        {
            var (kind, _) = InspectPortably(path);
            return kind == FileKind.Regular ? File.OpenHandle(path) : throw NotRegular(shownName, kind);
        }
        var descriptor = Open(path, OReadOnly | ONonBlock | ONoFollow | OCloseOnExec | ONoCtty);
        if (descriptor < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            var (kind, _) = Inspect(path);
            throw kind is FileKind.Regular or FileKind.Missing
                ? new UntrustedFileException($"{shownName} could not be opened: {new Win32Exception(error).Message}")
                : NotRegular(shownName, kind);
        }
        var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        if (Statx(descriptor, "", AtEmptyPath, StatxType, out var status) != 0 || KindOf(status.Mode) != FileKind.Regular)
        {
            handle.Dispose();
            throw NotRegular(shownName, KindOf(status.Mode));
        }
        return handle;
    }

    private static UntrustedFileException NotRegular(string shownName, FileKind kind) =>
        new($"{shownName} is {kind.Describe()}, not a regular file");

    private static FileKind KindOf(ushort mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.SymbolicLink,
        0x1000 => FileKind.Fifo,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0xC000 => FileKind.Socket,
        _ => FileKind.Missing,
    };

    // Linux with statx (3.x kernels and seccomp filters of old container runtimes lack it: ENOSYS).
    private static readonly bool Native = OperatingSystem.IsLinux()
        && (Statx(AtFdCwd, "/", 0, StatxType, out _) == 0 || Marshal.GetLastPInvokeError() != NoSuchSystemCall);

    // Elsewhere: .NET sees links and folders without following them, but cannot tell a FIFO from a file (nor open one without blocking).
    private static (FileKind, long) InspectPortably(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null) return (FileKind.SymbolicLink, 0);
        if (Directory.Exists(path)) return (FileKind.Directory, 0);
        return info.Exists ? (FileKind.Regular, info.Length) : (FileKind.Missing, 0);
    }

    // The start of struct statx (linux/stat.h), the same on every architecture; the kernel writes 256 bytes.
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct StatxBuffer
    {
        public uint Mask;
        public uint BlockSize;
        public ulong Attributes;
        public uint Links;
        public uint Uid;
        public uint Gid;
        public ushort Mode;
        public ushort Padding;
        public ulong Inode;
        public ulong Size;
    }

    // DllImport rather than LibraryImport: the generated marshalling would need unsafe code in the grader.
    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, out StatxBuffer status);

    [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
    private static extern IntPtr RealPath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc", EntryPoint = "free")]
    private static extern void Free(IntPtr pointer);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
}

/// <summary>A student's file that the grader will not read, and why, in words for the student.</summary>
public sealed class UntrustedFileException(string message) : IOException(message);
