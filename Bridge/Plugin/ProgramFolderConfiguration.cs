using Reqnroll.Configuration;
using Reqnroll.Plugins;

namespace ConvSpecs.Bridge;

/// <summary>
/// Reqnroll looks for reqnroll.json (or specflow.json) and *.ReqnrollPlugin.dll in the current directory too. The
/// grader's worker runs in the student's scratch folder, where the student's code can write: configuration comes only
/// from the folder of the program that runs the specs (the test application's, the grader's), and no plugin is loaded
/// from files (the bridge's own is registered from code).
/// </summary>
internal sealed class ProgramFolderConfiguration : IReqnrollJsonLocator, IRuntimePluginLocator
{
    public string? GetReqnrollJsonFilePath() =>
        new[] { ReqnrollJsonLocator.JsonConfigurationFileName, ReqnrollJsonLocator.CompatibilityJsonConfigurationFileName }
            .Select(name => Path.Combine(AppContext.BaseDirectory, name))
            .FirstOrDefault(File.Exists);

    public IReadOnlyList<string> GetAllRuntimePlugins() => [];
}
