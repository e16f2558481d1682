using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConvSpecs.Reports;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Grader.Tests;

/// <summary>The report opens in a real browser (Debian's headless Chromium): it loads, shows the scenarios, and its plots decode.</summary>
public sealed partial class HtmlReportTests
{
    private const string Chromium = "/usr/bin/chromium";

    // Run by the test's copy of the page, never by the report itself, which has no script.
    private const string Probe = """
        <script>
        addEventListener('load', () => {
          // by the load event every image has loaded; one that failed to decode has no natural width
          const images = [...document.images];
          const decoded = images.filter(image => image.complete && image.naturalWidth > 0).length;
          const probe = document.createElement('pre');
          probe.id = 'probe';
          probe.textContent = JSON.stringify({ title: document.title, images: images.length, decoded, scenarios: document.querySelectorAll('.scenario').length });
          document.body.appendChild(probe);
        });
        </script>
        """;

    [Fact]
    public async Task TheClassReportLoadsInChromiumWithEveryScenarioAndDecodedPlots()
    {
        Assert.SkipUnless(File.Exists(Chromium), "Debian's chromium is not installed (.ci/run installs it)");
        var batch = await FixtureBatch.Batch;
        var page = File.ReadAllText(Path.Combine(FixtureBatch.BatchOutput, "index.html"));

        var dom = RenderInChromium(page);
        var probeText = ProbeText().Match(dom);
        probeText.Success.Should().BeTrue("the page's load event ran the probe before Chromium printed the page");
        var probe = JsonDocument.Parse(probeText.Groups[1].Value).RootElement;

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

    private static string RenderInChromium(string page)
    {
        var folder = Directory.CreateTempSubdirectory("convspecs-report-").FullName;
        var file = Path.Combine(folder, "index.html");
        File.WriteAllText(file, page.Replace("</body>", Probe + "</body>", StringComparison.Ordinal));
        var info = new ProcessStartInfo(Chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
        // the flags that work on this machine (closed network, root, no GPU): .library/env/machines/dotnet.md
        foreach (var flag in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", $"--user-data-dir={Path.Combine(folder, "profile")}", "--virtual-time-budget=10000", "--dump-dom", new Uri(file).AbsoluteUri })
            info.ArgumentList.Add(flag);
        using var chromium = Process.Start(info)!;
        chromium.BeginErrorReadLine();
        var dom = chromium.StandardOutput.ReadToEndAsync();
        if (!chromium.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            chromium.Kill(entireProcessTree: true);
            throw new TimeoutException("Chromium did not render the report within 90 s.");
        }
        return dom.Result;
    }

    [GeneratedRegex("<pre id=\"probe\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ProbeText();

    [GeneratedRegex(@"(src|href)=""(?!data:|#)|<link\b|<script\b|@import|url\(", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
