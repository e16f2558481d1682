using System.Text.Json;
using System.Text.RegularExpressions;
using ConvSpecs.Suite;
using ConvSpecs.Tests.Shared;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Tests.LivingDocumentation;

/// <summary>
/// ./run-specs.sh leaves Reqnroll's living documentation: Cucumber Messages (.ndjson) and Reqnroll's HTML report, with
/// each scenario's plots and statistics attached.
/// </summary>
public sealed partial class ReqnrollReportTests(ReqnrollReportRun run) : IClassFixture<ReqnrollReportRun>
{
    private static readonly int Variant2Scenarios = Specification.Suite.Scenarios.Count(scenario => scenario.FeatureName == "Variant 2");

    [Fact]
    public void TheMessagesHoldTheDocumentPicklesTestCasesStepResultsAndAttachments()
    {
        run.ExitCode.Should().Be(0, run.Output);
        var envelopes = File.ReadLines(run.Messages).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        IEnumerable<JsonElement> Of(string kind) => envelopes.Where(envelope => envelope.TryGetProperty(kind, out _)).Select(envelope => envelope.GetProperty(kind));

        Of("gherkinDocument").Select(document => document.GetProperty("uri").GetString()).Should().Equal("Features/variant2.feature [Reference]");
        Of("pickle").Should().HaveCount(Variant2Scenarios);
        Of("testCase").Should().HaveCount(Variant2Scenarios);
        Of("testCaseFinished").Should().HaveCount(Variant2Scenarios);
        var statuses = Of("testStepFinished").Select(step => step.GetProperty("testStepResult").GetProperty("status").GetString()).ToList();
        statuses.Should().NotBeEmpty().And.OnlyContain(status => status == "PASSED", "the reference solution passes variant 2");
        var attachments = Of("attachment").ToList();
        attachments.Where(a => a.TryGetProperty("fileName", out var name) && name.GetString() == "statistics.md").Should().HaveCount(Variant2Scenarios);
        attachments.Should().ContainSingle(a => a.GetProperty("mediaType").GetString() == "image/png", "variant 2's experiment draws one chart")
            .Which.GetProperty("body").GetString().Should().StartWith("iVBORw0KGgo", "a base64 PNG");
        Of("testRunFinished").Single().GetProperty("success").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public void TheHtmlReportShowsEveryScenarioItsStatusAndThePlotInChromium()
    {
        Assert.SkipUnless(File.Exists(BrowserProbe.Chromium), "Debian's chromium is not installed (.ci/run installs it)");
        run.ExitCode.Should().Be(0, run.Output);

        var (dom, found) = BrowserProbe.Open(File.ReadAllText(run.Html));

        found.Should().NotBeNull("the page's load event ran the probe");
        // the report renders its scenarios with script after the load event: the images are read from the rendered DOM
        var images = RenderedImage().Matches(dom).Select(image => Convert.FromBase64String(image.Groups[1].Value)).ToList();
        images.Should().ContainSingle("the chart is attached to the step that drew it")
            .Which.Take(8).Should().Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "it is a PNG");
        var shown = BrowserProbe.VisibleText(dom);
        shown.Should().Contain($"100% ({Variant2Scenarios} / {Variant2Scenarios}) passed").And.Contain("Features/variant2.feature [Reference]");
        foreach (var scenario in Specification.Suite.Scenarios.Where(scenario => scenario.FeatureName == "Variant 2"))
            shown.Should().Contain($"Scenario: {scenario.Name}");
    }

    [GeneratedRegex("<img[^>]*src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")]
    private static partial Regex RenderedImage();
}
