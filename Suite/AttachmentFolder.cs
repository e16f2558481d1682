using System.Reflection;
using System.Runtime.CompilerServices;
using ConvSpecs.Drivers;

namespace ConvSpecs.Suite;

/// <summary>
/// xunit.v3's adapter for the Microsoft Testing Platform copies every attachment of a test into
/// &lt;temporary folder&gt;/&lt;the test's SHA-256 id&gt;/ and never deletes it: about 280 folders in /tmp per run of the
/// specs. In the test applications that run scenarios, the temporary folder is artifacts/attachments/ of the repository
/// instead (the same ids each run, so the copies are replaced, not piled up).
/// </summary>
internal static class AttachmentFolder
{
    [ModuleInitializer]
    internal static void MoveOutOfTmp()
    {
        // Only the specs' own test applications: the grader (and its tests) start student processes, which must keep theirs.
        if (Assembly.GetEntryAssembly()?.GetName().Name is not ("ConvSpecs" or "ConvSpecs.Tests")) return;
        if (RunSettings.RepositoryRoot() is not { } root) return;
        var folder = Path.Combine(root, "artifacts", "attachments");
        Directory.CreateDirectory(folder);
        Environment.SetEnvironmentVariable("TMPDIR", folder);
    }
}
