using System.Text.Json;
using System.Text.RegularExpressions;
using ConvSpecs.Models;
using ConvSpecs.Reports;
using ConvSpecs.Suite;
using ConvSpecs.Tests.Shared;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Tests.Evidence;

/// <summary>
/// Each submission's evidence folder gets an index.html that lists every rule with its status, statistics and plots,
/// self-contained; running one variant replaces that variant's evidence and keeps the others'.
/// </summary>
public sealed partial class EvidenceIndexTests : IDisposable
{
    // the reference solution lives in the specs' assembly, the broken fixtures in this one
    private static readonly IReadOnlyList<Submission> Submissions =
        [.. SubmissionCatalog.Discover(typeof(Specification).Assembly), .. SubmissionCatalog.Discover(typeof(EvidenceIndexTests).Assembly)];

    private readonly string root = Directory.CreateTempSubdirectory("convspecs-evidence-").FullName;

    [Fact]
    public void RunningOneVariantKeepsTheOthersAndListsEveryRule()
    {
        var earlierVariant1 = Plant("variant-1/one-input-becomes-1-512-1-1", "Variant 1", "One input becomes (1, 512, 1, 1)", "passed");
        var removedVariant2 = Plant("variant-2/a-scenario-since-removed", "Variant 2", "A scenario since removed", "passed");

        RunFeature("Reference", "Variant 2");

        File.Exists(earlierVariant1).Should().BeTrue("running variant 2 keeps variant 1's evidence");
        File.Exists(removedVariant2).Should().BeFalse("running variant 2 replaces variant 2's evidence");
        var page = File.ReadAllText(Path.Combine(root, "reference", EvidenceIndex.FileName));
        foreach (var rule in Specification.Suite.Scenarios.Where(s => s.FeatureName is "Variant 1" or "Variant 2").Select(s => s.RuleName!).Distinct())
            page.Should().Contain($"Rule: {System.Net.WebUtility.HtmlEncode(rule)}");
        page.Should().Contain("✓ Scenario: Output is (64, 16, 16)")
            .And.Contain("✓ Scenario: One input becomes (1, 512, 1, 1)")
            .And.Contain("– Scenario: Exactly 5 layers with weights run", "a variant 1 scenario with no evidence is listed as not run")
            .And.NotContain("A scenario since removed")
            .And.Contain("padding-mean-activations").And.Contain("data:image/png;base64,");
        ExternalReference().IsMatch(page).Should().BeFalse("the page is self-contained");
    }

    [Fact]
    public void AFailingRuleShowsItsMessage()
    {
        RunFeature("WrongShape", "Variant 2");

        var page = File.ReadAllText(Path.Combine(root, "wrongshape", EvidenceIndex.FileName));

        page.Should().Contain("<span class=\"chip failed\">failed</span> Rule: The output is (64, 16, 16)")
            .And.Contain("✗ Scenario: Output is (64, 16, 16)").And.Contain("(measured (64, 8, 8))");
    }

    [Fact]
    public void TheIndexLoadsInChromiumWithEveryImageDecoded()
    {
        Assert.SkipUnless(File.Exists(BrowserProbe.Chromium), "Debian's chromium is not installed (.ci/run installs it)");
        RunFeature("Reference", "Variant 2");
        RunFeature("Reference", "Variant 6");

        var (_, found) = BrowserProbe.Open(File.ReadAllText(Path.Combine(root, "reference", EvidenceIndex.FileName)));

        found.Should().NotBeNull("the page's load event ran the probe before Chromium printed the page");
        var probe = found!.Value;
        probe.GetProperty("title").GetString().Should().Be("Evidence: Reference");
        probe.GetProperty("images").GetInt32().Should().Be(3, "variant 2 draws one chart and variant 6 two maps");
        probe.GetProperty("decoded").GetInt32().Should().Be(3);
        probe.GetProperty("scenarios").GetInt32().Should().Be(Specification.Suite.Scenarios.Count(s => s.FeatureName is "Variant 2" or "Variant 6"));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private void RunFeature(string submission, string feature)
    {
        var settings = Grading.Settings with { EvidenceRoot = root };
        foreach (var scenario in Specification.Suite.Scenarios.Where(s => s.FeatureName == feature))
            Specification.Run(scenario, Submissions.Single(candidate => candidate.Name == submission), settings);
    }

    // evidence an earlier run left: a statistics.json as ScenarioEvidence writes it
    private string Plant(string folder, string feature, string scenario, string status)
    {
        var path = Path.Combine(root, "reference", folder, "statistics.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(new EvidenceRecord
        {
            Feature = feature, Scenario = scenario, Submission = "Reference", Status = status, Passed = status == "passed", Measured = DateTime.UtcNow,
        }, EvidenceRecord.Options));
        return path;
    }

    [GeneratedRegex(@"(src|href)=""(?!data:|#)|<link\b|<script\b|@import|url\(", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
