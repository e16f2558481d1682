namespace ConvSpecs.Tests.Data;

/// <summary>A fresh folder under the system temp folder for one test's files, deleted with everything in it.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("convspecs-data-").FullName;

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    /// <summary>Writes the file, creating its folders, and returns its path.</summary>
    public string Write(string relativePath, byte[] bytes)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
