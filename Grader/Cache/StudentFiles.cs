using System.Security.Cryptography;
using System.Text;
using ConvSpecs.Grader.Compiling;
using ConvSpecs.Grader.Files;

namespace ConvSpecs.Grader.Cache;

/// <summary>
/// A student's folder as one hash, read the way the grader reads it (<see cref="SubmissionSources"/>): walked without
/// following a link, bin/ and obj/ left out, with the same caps; every entry's kind and path, and the size and bytes of
/// every regular file (not only the .cs files: the specs read the student's folder too). A link, FIFO or device counts by
/// its kind and name, never opened, since that is all its verdict ("… is a symbolic link") depends on.
/// </summary>
public static class StudentFiles
{
    /// <summary>A folder the grader would not grade as it is (too large, unreadable) is simply never cached.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    public const long MaxTotalBytes = 256L * 1024 * 1024;

    /// <summary>The folder's hash; or null and why it is not cached.</summary>
    public static (string? Hash, string? NotCached) Hash(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var (kind, _) = UntrustedFile.Inspect(folder);
        Append(hash, $"{kind}\n");
        if (kind != FileKind.Directory) return (Hex(hash), null);

        var listing = FolderWalk.List(folder, SubmissionSources.MaxEntries, SubmissionSources.MaxDepth, SubmissionSources.IsWalked);
        if (listing.Truncated) return (null, $"its folder has more than {SubmissionSources.MaxEntries} entries or {SubmissionSources.MaxDepth} levels");
        long total = 0;
        foreach (var entry in listing.Entries)
        {
            // a folder's own size is the file system's business (it stays large after deletions), not the student's
            Append(hash, entry.Kind == FileKind.Regular ? $"{entry.Kind}\0{entry.RelativePath}\0{entry.Size}\0" : $"{entry.Kind}\0{entry.RelativePath}\0");
            if (entry.Kind != FileKind.Regular) continue;
            total += entry.Size;
            if (entry.Size > MaxFileBytes || total > MaxTotalBytes)
                return (null, $"its files add up to more than the cache hashes ({UntrustedFile.Size(MaxFileBytes)} a file, {UntrustedFile.Size(MaxTotalBytes)} in all)");
            try
            {
                hash.AppendData(SHA256.HashData(UntrustedFile.Read(Path.Combine(folder, entry.RelativePath), MaxFileBytes, entry.RelativePath)));
            }
            catch (UntrustedFileException unreadable)
            {
                return (null, unreadable.Message);
            }
        }
        return (Hex(hash), null);
    }

    private static void Append(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text));

    private static string Hex(IncrementalHash hash) => Convert.ToHexStringLower(hash.GetHashAndReset());
}
