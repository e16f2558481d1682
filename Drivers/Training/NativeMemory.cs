using System.Runtime.InteropServices;

namespace ConvSpecs.Drivers.Training;

/// <summary>
/// glibc hands freed blocks above its mmap threshold straight back to the system, so every batch's activation buffers
/// (8 MiB for a 32-channel 32×32 map at batch 64) were mapped, zero-filled page by page and unmapped again: six times
/// the page faults of a PyTorch process, and 15–22 % of each training step (bench/README.md). Fixed thresholds keep
/// freed blocks for the next batch; one arena lets a block freed by one thread serve the next batch's allocation on
/// another. mallopt(3); without glibc nothing changes.
/// </summary>
public static class NativeMemory
{
    private const int TrimThreshold = -1, MmapThreshold = -3, ArenaMax = -8;

    private static readonly Lazy<bool> Kept = new(Keep);

    /// <summary>Applies the thresholds once per process; false where there is no glibc to tell.</summary>
    public static bool KeepFreedBlocks() => Kept.Value;

    private static bool Keep()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            // blocks above 32 MiB (whole data sets) are still mapped: they are allocated once, not per batch
            return mallopt(MmapThreshold, 32 << 20) == 1 && mallopt(TrimThreshold, 256 << 20) == 1 && mallopt(ArenaMax, 1) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // DllImport rather than LibraryImport, which would need unsafe code for a call that passes two ints
    [DllImport("libc.so.6")]
    private static extern int mallopt(int parameter, int value);
}
