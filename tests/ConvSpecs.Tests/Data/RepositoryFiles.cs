namespace ConvSpecs.Tests.Data;

/// <summary>Files committed to the repository, found from the folder holding ConvSpecs.sln above the test assembly.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "ConvSpecs.sln"))) return folder.FullName;
        throw new DirectoryNotFoundException($"ConvSpecs.sln not found above {AppContext.BaseDirectory}");
    });

    public static string PathOf(params string[] parts) => Path.Combine([Root.Value, .. parts]);
}
