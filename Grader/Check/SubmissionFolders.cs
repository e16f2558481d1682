namespace ConvSpecs.Grader.Check;

/// <summary>The submissions of a folder: each sub-folder with a .cs file in it (bin/ and obj/ do not count).</summary>
public static class SubmissionFolders
{
    public static IReadOnlyList<string> Find(string modelsDirectory) =>
        Directory.Exists(modelsDirectory)
            ? [.. Directory.EnumerateDirectories(modelsDirectory)
                .Where(folder => !Path.GetFileName(folder).StartsWith('.')
                                 && Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Any(file => !InBuildOutput(folder, file)))
                .Select(Path.GetFileName).OfType<string>()
                .Order(StringComparer.Ordinal)]
            : [];

    /// <summary>What to say when --submission names no folder: the folders there are, and the closest one.</summary>
    public static string Unknown(string name, string modelsDirectory, IReadOnlyList<string> found)
    {
        var where = Path.GetFileName(Path.TrimEndingDirectorySeparator(modelsDirectory));
        var text = $"There is no submission '{name}' in {where}/: a submission is a folder {where}/<YourName>/ with your .cs files. ";
        text += found.Count == 0 ? $"{where}/ has none yet." : $"The submissions found: {string.Join(", ", found)}.";
        var closest = found.MinBy(candidate => Distance(candidate.ToLowerInvariant(), name.ToLowerInvariant()));
        if (closest is not null && Distance(closest.ToLowerInvariant(), name.ToLowerInvariant()) <= Math.Max(2, name.Length / 4))
            text += $" Did you mean {closest}?";
        return text;
    }

    internal static bool InBuildOutput(string folder, string file) =>
        Path.GetRelativePath(folder, file).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    // Levenshtein: a typo of one or two letters is named.
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
