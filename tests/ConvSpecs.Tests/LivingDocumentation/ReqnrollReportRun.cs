using System.Diagnostics;

namespace ConvSpecs.Tests.LivingDocumentation;

/// <summary>
/// The specs' test application run once as ./run-specs.sh runs it, variant 2 on the reference solution, with Reqnroll's
/// message and html formatters writing into a temporary folder.
/// </summary>
public sealed class ReqnrollReportRun : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("convspecs-living-doc-").FullName;

    public ReqnrollReportRun()
    {
        // the specs' own build: <repository>/bin/<configuration>/net10.0/, as this project's is tests/ConvSpecs.Tests/bin/<configuration>/net10.0/
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var repository = Drivers.RunSettings.RepositoryRoot() ?? throw new DirectoryNotFoundException("ConvSpecs.sln not found above the tests");
        var specs = Path.Combine(repository, "bin", configuration, "net10.0", "ConvSpecs.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { specs, "-class", "ConvSpecs.Suite.SpecificationTests" })
            info.ArgumentList.Add(argument);
        info.Environment["CONVSPECS_VARIANT"] = "2";
        info.Environment["CONVSPECS_SUBMISSION"] = "Reference";
        info.Environment["CONVSPECS_EVIDENCE_DIR"] = Path.Combine(folder, "evidence");
        info.Environment["REQNROLL_FORMATTERS_MESSAGE"] = $"outputFilePath={Messages}";
        info.Environment["REQNROLL_FORMATTERS_HTML"] = $"outputFilePath={Html}";
        using var run = Process.Start(info)!;
        var output = run.StandardOutput.ReadToEndAsync();
        var errors = run.StandardError.ReadToEndAsync();
        if (!run.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            run.Kill(entireProcessTree: true);
            throw new TimeoutException("The specs did not finish variant 2 within 5 minutes.");
        }
        Output = output.Result + errors.Result;
        ExitCode = run.ExitCode;
    }

    public string Messages => Path.Combine(folder, "specs.ndjson");

    public string Html => Path.Combine(folder, "specs.html");

    public string Output { get; }

    public int ExitCode { get; }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
