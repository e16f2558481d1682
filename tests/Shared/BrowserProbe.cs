using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ConvSpecs.Tests.Shared;

/// <summary>
/// A page opened in Debian's headless Chromium, and what its load event saw: the title, the images and how many
/// decoded, the scenarios shown. Linked into the test projects that check a self-contained HTML page.
/// </summary>
internal static partial class BrowserProbe
{
    public const string Chromium = "/usr/bin/chromium";

    // Run by the test's copy of the page, never by the page itself, which has no script.
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

    /// <summary>The page's DOM after its load event, and the probe's findings (null when the probe never ran).</summary>
    public static (string Dom, JsonElement? Probe) Open(string page)
    {
        var dom = Render(page);
        var found = ProbeText().Match(dom);
        return (dom, found.Success ? JsonDocument.Parse(found.Groups[1].Value).RootElement : null);
    }

    private static string Render(string page)
    {
        var folder = Directory.CreateTempSubdirectory("convspecs-browser-").FullName;
        try
        {
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
                throw new TimeoutException("Chromium did not render the page within 90 s.");
            }
            return dom.Result;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The text a reader sees in a rendered DOM: scripts and styles dropped, tags removed, white space collapsed.</summary>
    public static string VisibleText(string dom) =>
        Spaces().Replace(Tags().Replace(ScriptsAndStyles().Replace(dom, " "), " "), " ");

    [GeneratedRegex("<pre id=\"probe\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ProbeText();

    [GeneratedRegex("<(script|style)\\b.*?</\\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptsAndStyles();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
