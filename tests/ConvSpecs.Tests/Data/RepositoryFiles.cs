using ConvSpecs.Drivers;

namespace ConvSpecs.Tests.Data;

/// <summary>Files committed to the repository, found from the folder holding ConvSpecs.sln above the test assembly.</summary>
internal static class RepositoryFiles
{
    public static string PathOf(params string[] parts) =>
        Path.Combine([RunSettings.RepositoryRoot() ?? throw new DirectoryNotFoundException($"ConvSpecs.sln not found above {AppContext.BaseDirectory}"), .. parts]);
}
