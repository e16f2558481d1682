namespace ConvSpecs.Grader.Files;

/// <summary>One entry below a walked folder: its path relative to the folder ('/'-separated), its kind and size as lstat saw them.</summary>
public sealed record FolderEntry(string RelativePath, FileKind Kind, long Size);

/// <summary>What a walk found; <see cref="Truncated"/> when it stopped at the entry or depth cap.</summary>
public sealed record FolderListing(IReadOnlyList<FolderEntry> Entries, bool Truncated);

/// <summary>
/// Lists a folder a student controls without following a link: it descends only into entries that lstat calls
/// folders, so <c>a -&gt; .</c> or <c>borrowed -&gt; ../Other</c> is listed as a link and never entered, and stops
/// after a number of entries and a depth, so a folder of 100 000 files costs no more than the cap.
/// </summary>
public static class FolderWalk
{
    public static FolderListing List(string root, int maxEntries, int maxDepth, Func<string, bool>? descendInto = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        var entries = new List<FolderEntry>();
        var truncated = !Walk(root, "", 0);
        return new FolderListing(entries, truncated);

        // false when a cap was reached
        bool Walk(string folder, string relative, int depth)
        {
            IEnumerable<string> names;
            try
            {
                names = Directory.EnumerateFileSystemEntries(folder).Take(maxEntries + 1).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
            }
            catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
            {
                return true;
            }
            foreach (var name in names)
            {
                if (entries.Count == maxEntries) return false;
                var path = Path.Combine(folder, name);
                var shown = relative.Length == 0 ? name : $"{relative}/{name}";
                var (kind, size) = UntrustedFile.Inspect(path);
                entries.Add(new FolderEntry(shown, kind, size));
                if (kind != FileKind.Directory || (descendInto is not null && !descendInto(shown))) continue;
                if (depth + 1 >= maxDepth) return false;
                if (!Walk(path, shown, depth + 1)) return false;
            }
            return true;
        }
    }
}
