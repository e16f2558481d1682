using System.Text;
using ConvSpecs.Grader.Files;

namespace ConvSpecs.Grader.Compiling;

/// <summary>
/// A submission is its regular files. Every .cs file below the student's folder (bin/ and obj/ left out), read as
/// untrusted input: a symbolic link, FIFO, device or socket anywhere in the folder is refused and named (a link to
/// another student's file or folder would otherwise grade their work as this student's), and sizes are capped
/// before anything is read or compiled.
/// </summary>
public sealed record SubmissionSources(IReadOnlyList<(string Path, string Text)> Files, IReadOnlyList<string> Refusals)
{
    /// <summary>Far above any model (the seeds' largest file is 6 kB); a 50 MB file took Roslyn 81 s and 1.26 GB.</summary>
    public const long MaxFileBytes = 500_000;

    public const long MaxTotalBytes = 2_000_000;

    public const int MaxSourceFiles = 100;

    /// <summary>Entries walked (files and folders of any kind) and folder depth, so a folder of 100 000 files costs no more.</summary>
    public const int MaxEntries = 2000;

    public const int MaxDepth = 8;

    public static SubmissionSources Read(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var (kind, _) = UntrustedFile.Inspect(folder);
        if (kind != FileKind.Directory)
            return new SubmissionSources([], [$"{Path.GetFileName(folder)} is {kind.Describe()}; hand in the folder itself"]);
        var listing = FolderWalk.List(folder, MaxEntries, MaxDepth, descendInto: IsWalked);
        var refusals = new List<string>();
        foreach (var entry in listing.Entries.Where(entry => entry.Kind is not (FileKind.Regular or FileKind.Directory or FileKind.Missing)))
            refusals.Add(entry.Kind == FileKind.SymbolicLink
                ? $"{entry.RelativePath} is a symbolic link; hand in the {(Path.GetExtension(entry.RelativePath).Length > 0 ? "file" : "folder")} itself"
                : $"{entry.RelativePath} is {entry.Kind.Describe()}, not a file; hand in regular files only");
        if (listing.Truncated)
            refusals.Add($"the folder has more than {MaxEntries} entries or is more than {MaxDepth} folders deep; hand in the sources only");

        var sources = listing.Entries.Where(entry => entry.Kind == FileKind.Regular && entry.RelativePath.EndsWith(".cs", StringComparison.Ordinal)).ToList();
        if (sources.Count > MaxSourceFiles)
            refusals.Add($"the folder has {sources.Count} .cs files; a submission may have at most {MaxSourceFiles}");
        var files = new List<(string, string)>();
        long total = 0;
        foreach (var source in sources.Take(MaxSourceFiles))
        {
            if (source.Size > MaxFileBytes)
            {
                refusals.Add($"{source.RelativePath} is {UntrustedFile.Size(source.Size)}; a source file may be at most {UntrustedFile.Size(MaxFileBytes)}");
                continue;
            }
            if (total + source.Size > MaxTotalBytes)
            {
                refusals.Add($"the .cs files add up to more than {UntrustedFile.Size(MaxTotalBytes)}, the most a submission may have");
                break;
            }
            try
            {
                var bytes = UntrustedFile.Read(Path.Combine(folder, source.RelativePath), MaxFileBytes, source.RelativePath);
                total += bytes.Length;
                files.Add((source.RelativePath, Decode(bytes)));
            }
            catch (UntrustedFileException refused)
            {
                refusals.Add(refused.Message);
            }
        }
        return new SubmissionSources(files, refusals);
    }

    /// <summary>Whether the walk goes into a folder of the submission: not into bin/ and obj/, a local build's output.</summary>
    public static bool IsWalked(string folder) => Path.GetFileName(folder) is not ("bin" or "obj");

    // As File.ReadAllText reads it: UTF-8, a byte-order mark dropped.
    private static string Decode(byte[] bytes) =>
        bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.GetString(bytes.AsSpan(3)) : Encoding.UTF8.GetString(bytes);
}
