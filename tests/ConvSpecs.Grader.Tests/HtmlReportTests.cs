using System.Text.RegularExpressions;
using ConvSpecs.Reports;
using ConvSpecs.Tests.Shared;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Grader.Tests;

/// <summary>The report opens in a real browser (Debian's headless Chromium): it loads, shows the scenarios, and its plots decode.</summary>
public sealed partial class HtmlReportTests
{
    [Fact]
    public async Task TheClassReportLoadsInChromiumWithEveryScenarioAndDecodedPlots()
    {
        Assert.SkipUnless(File.Exists(BrowserProbe.Chromium), "Debian's chromium is not installed (.ci/run installs it)");
        var batch = await FixtureBatch.Batch;
        var page = File.ReadAllText(Path.Combine(FixtureBatch.BatchOutput, "index.html"));

        var (dom, found) = BrowserProbe.Open(page);
        found.Should().NotBeNull("the page's load event ran the probe before Chromium printed the page");
        var probe = found!.Value;

        probe.GetProperty("title").GetString().Should().Be("ConvSpecs grading report");
        probe.GetProperty("images").GetInt32().Should().BeGreaterThan(0);
        probe.GetProperty("decoded").GetInt32().Should().Be(probe.GetProperty("images").GetInt32());
        probe.GetProperty("scenarios").GetInt32().Should().BeGreaterThan(batch.Students.Sum(student => student.Scenarios.Count));
        dom.Should().Contain("Scenario: Output is (64, 16, 16)").And.Contain("Rule: At most 50 000 parameters");
        batch.Students.Should().OnlyContain(student => dom.Contains($"Student: {student.Student}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheReportNeedsNothingFromOutside()
    {
        await FixtureBatch.Batch;

        var pages = Directory.EnumerateFiles(FixtureBatch.BatchOutput, "*.html", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();

        pages.Should().HaveCountGreaterThan(1);
        pages.Should().OnlyContain(page => !ExternalReference().IsMatch(page));
    }

    [Fact]
    public async Task AStudentsPageShowsOnlyThatStudent()
    {
        await FixtureBatch.Batch;

        var page = File.ReadAllText(Path.Combine(FixtureBatch.BatchOutput, "students", "WrongShape", "report.html"));

        page.Should().Contain("Student: WrongShape").And.Contain("(measured (64, 8, 8))").And.NotContain("Student: Good");
    }

    [Fact]
    public void AnIdIsASafeSlugWithAHashOfEveryPart()
    {
        var id = Html.Id("result", "X\"><img src=x onerror=alert(1)>", "2.1");

        id.Should().MatchRegex("^result-X___img_src_x_onerror_alert_1__-2_1-[0-9a-f]{8}$");
        Html.Id("student", "a b").Should().NotBe(Html.Id("student", "a_b"), "names that slug alike keep their own ids");
        Html.Id("result", "a", "b-c").Should().NotBe(Html.Id("result", "a-b", "c"));
    }

    [Fact]
    public void TextIsEncodedForElementsAndQuotedAttributesWithoutControlCharacters()
    {
        Html.Text("\"><script>alert('x')</script>&\u001b[31m\n").Should().Be("&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;[31m\n");
    }

    [GeneratedRegex(@"(src|href)=""(?!data:|#)|<link\b|<script\b|@import|url\(", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
