using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.RuntimeSupport;

namespace ConvSpecs.Bridge;

/// <summary>
/// The Cucumber messages of one feature document, as Reqnroll's generator embeds them in the test assembly; its
/// formatters (message, html) need them to report the run.
/// </summary>
internal sealed class FeatureMessages(Source source, GherkinDocument document, IReadOnlyList<Pickle> pickles) : IFeatureLevelCucumberMessages
{
    public bool HasMessages => true;

    public GherkinDocument GherkinDocument => document;

    public IEnumerable<Pickle> Pickles => pickles;

    public Source Source => source;
}
