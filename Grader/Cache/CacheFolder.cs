using System.Security.Cryptography;
using System.Text;
using ConvSpecs.Grader.Files;

namespace ConvSpecs.Grader.Cache;

/// <summary>
/// Where the cache keeps what, and its bound: DIR/key (the entries' HMAC key), and
/// DIR/&lt;build&gt;/&lt;SHA-256 of the student's name&gt;/&lt;settings&gt;-&lt;files&gt;.entry, so an entry's path is its key
/// (the name is hashed: a student's folder name may be anything a file name can be). At most
/// <see cref="EntriesPerStudent"/> entries per student and build and <see cref="BuildsKept"/> builds, the most recently
/// used; shards side by side may share the folder, so everything is written whole, then renamed into place.
/// </summary>
public sealed class CacheFolder(string root)
{
    /// <summary>Entries kept per student and build: other settings, earlier versions of the student's files.</summary>
    public const int EntriesPerStudent = 4;

    /// <summary>Builds kept: a rebuilt grader never reads an older build's entries, but a checkout may go back to one.</summary>
    public const int BuildsKept = 3;

    private const string KeyFile = "key";
    private const int KeyBytes = 32;

    public string Root => root;

    public string EntryPath(string build, string student, string settings, string files) =>
        Path.Combine(root, build, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(student))), $"{settings}-{files}.entry");

    /// <summary>Marks the build as used now (a folder's time is its last use: what <see cref="Prune"/> keeps).</summary>
    public void Use(string build) => Directory.SetLastWriteTimeUtc(Directory.CreateDirectory(Path.Combine(root, build)).FullName, DateTime.UtcNow);

    /// <summary>
    /// Why <paramref name="path"/> has no entry, from the names of the student's other entries: the same settings with
    /// other files, other settings, or the student only under another build.
    /// </summary>
    public string WhyMissing(string path, string settings)
    {
        var folder = Path.GetDirectoryName(path)!;
        var others = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.entry").Select(Path.GetFileNameWithoutExtension).OfType<string>().ToList() : [];
        if (others.Any(other => other.StartsWith(settings + "-", StringComparison.Ordinal))) return "its files changed";
        if (others.Count > 0) return "the settings changed";
        var student = Path.GetFileName(folder);
        return Directory.EnumerateDirectories(root).Any(build => Directory.Exists(Path.Combine(build, student))) ? "the grader was rebuilt" : "not in the cache";
    }

    /// <summary>Writes the entry whole, renames it into place, then drops the student's oldest entries beyond the bound and what a killed grader left half written.</summary>
    public void Write(string path, byte[] entry)
    {
        var directory = Directory.CreateDirectory(Path.GetDirectoryName(path)!).FullName;
        var temporary = Path.Combine(directory, $".{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(temporary, entry);
        File.Move(temporary, path, overwrite: true);
        var files = new DirectoryInfo(directory).EnumerateFiles().ToList();
        foreach (var old in files.Where(file => file.Extension == ".entry").OrderByDescending(file => file.LastWriteTimeUtc).Skip(EntriesPerStudent)
                     .Concat(files.Where(file => file.Extension == ".tmp" && file.LastWriteTimeUtc < DateTime.UtcNow.AddDays(-1))))
            old.Delete();
    }

    /// <summary>Marks an entry as used now; only the bound's order depends on it, so a failure is ignored.</summary>
    public static void Touch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (Exception failed) when (failed is IOException or UnauthorizedAccessException)
        {
            // the entry may be dropped a little early
        }
    }

    /// <summary>Removes all but the most recently used builds.</summary>
    public void Prune()
    {
        foreach (var old in new DirectoryInfo(root).EnumerateDirectories().OrderByDescending(folder => folder.LastWriteTimeUtc).Skip(BuildsKept))
            old.Delete(recursive: true);
    }

    /// <summary>DIR/key: 32 random bytes made by the first run (a shard beside it may be making its own; the first renamed wins).</summary>
    public byte[] Key()
    {
        Directory.CreateDirectory(root);
        var path = Path.Combine(root, KeyFile);
        if (UntrustedFile.Inspect(path).Kind == FileKind.Missing)
        {
            var temporary = Path.Combine(root, $".{Guid.NewGuid():N}.key");
            File.WriteAllBytes(temporary, RandomNumberGenerator.GetBytes(KeyBytes));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }
        }
        try
        {
            var key = UntrustedFile.Read(path, KeyBytes, path);
            return key.Length == KeyBytes ? key : throw new InvalidDataException($"{path} is not a key of {KeyBytes} bytes");
        }
        catch (UntrustedFileException unreadable)
        {
            throw new InvalidDataException(unreadable.Message, unreadable);
        }
    }
}
