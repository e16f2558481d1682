using Gherkin.CucumberMessages;

namespace ConvSpecs.Bridge;

/// <summary>
/// Ids for the Cucumber messages of every document of the process: the formatters need them unique across the whole
/// run, and Gherkin's own generator starts again at 0 for each file.
/// </summary>
internal sealed class RunIds : IIdGenerator
{
    private long next;

    public static RunIds Shared { get; } = new();

    public string GetNewId() => Interlocked.Increment(ref next).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
