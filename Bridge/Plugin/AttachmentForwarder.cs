using Reqnroll.Infrastructure;
using Reqnroll.Tracing;
using Xunit;

namespace ConvSpecs.Bridge;

/// <summary>
/// A file a step attaches (IReqnrollOutputHelper.AddAttachment) goes into the Cucumber messages by Reqnroll; this gives it
/// to the running xUnit test too, named by its last four path segments (…/submission/feature/scenario/plot.png: unique
/// even in a test that runs several scenarios).
/// </summary>
internal sealed class AttachmentForwarder(ITraceListener traceListener) : ReqnrollAttachmentHandler(traceListener)
{
    public override void AddAttachment(string filePath)
    {
        if (TestContext.Current.Test is null || !File.Exists(filePath)) return;
        var segments = Path.GetFullPath(filePath).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var name = string.Join('.', segments.TakeLast(4));
        // a file attached again (a plot redrawn under its name) replaces the earlier copy: reporting never fails a step
        if (Path.GetExtension(filePath).Equals(".png", StringComparison.OrdinalIgnoreCase))
            TestContext.Current.AddAttachment(name, File.ReadAllBytes(filePath), replaceExistingValue: true, "image/png");
        else
            TestContext.Current.AddAttachment(name, File.ReadAllText(filePath), replaceExistingValue: true);
    }
}
