using System.Collections.Concurrent;
using System.Globalization;
using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;
using Reqnroll;

namespace ConvSpecs.Bridge;

/// <summary>
/// One *.feature file: its pickles, and a Reqnroll FeatureInfo per subject it runs against. Reqnroll's generator would
/// write one FeatureInfo per feature into code; here each (feature, subject) gets its own document, parsed again under
/// a uri that names the subject, so every submission's run of a scenario is its own test case in the Cucumber messages
/// (under one FeatureInfo a second run of a pickle is reported as a retry, and side by side it breaks the formatters).
/// </summary>
internal sealed class FeatureFile(string folderName, string path, string text)
{
    private readonly ConcurrentDictionary<string, Lazy<FeatureInfo>> infos = new(StringComparer.Ordinal);
    private CultureInfo? language;

    /// <summary>The path relative to the features directory, with / separators.</summary>
    public string Path { get; } = path;

    /// <summary>The language of the file's keywords (# language:), the culture Reqnroll converts its arguments in.</summary>
    public CultureInfo Language => language ??= CultureInfo.GetCultureInfo(Parse(new IncrementingIdGenerator()).Feature.Language);

    /// <summary>The document as parsed; throws <see cref="ParserException"/> for a file that does not parse.</summary>
    public GherkinDocument Parse(IIdGenerator ids) =>
        new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(new Parser().Parse(new StringReader(text)), Uri(""));

    /// <summary>Reqnroll compares FeatureInfos by reference: the same object for every scenario of this subject.</summary>
    public FeatureInfo InfoFor(string subject) =>
        infos.GetOrAdd(subject, name => new Lazy<FeatureInfo>(() => CreateInfo(name))).Value;

    private string Uri(string subject) => $"{folderName}/{Path}{(subject.Length == 0 ? "" : $" [{subject}]")}";

    /// <summary>The subject's own document: the file parsed again under a uri that names the subject, ids unique in the process.</summary>
    public FeatureMessages DocumentFor(string subject)
    {
        var uri = Uri(subject);
        var document = new AstMessagesConverter(RunIds.Shared).ConvertGherkinDocumentToEventArgs(new Parser().Parse(new StringReader(text)), uri);
        var pickles = new PickleCompiler(RunIds.Shared).Compile(document);
        return new FeatureMessages(new Source(uri, text, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN), document, pickles);
    }

    private FeatureInfo CreateInfo(string subject)
    {
        var messages = DocumentFor(subject);
        var feature = messages.GherkinDocument.Feature;
        return new FeatureInfo(
            Language,
            System.IO.Path.GetDirectoryName(Path) ?? "",
            feature.Name,
            feature.Description,
            ProgrammingLanguage.CSharp,
            [.. feature.Tags.Select(tag => tag.Name.TrimStart('@'))],
            messages);
    }
}
