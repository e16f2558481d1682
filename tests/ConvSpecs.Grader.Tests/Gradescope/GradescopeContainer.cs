using System.Diagnostics;
using ConvSpecs.Drivers;
using Xunit;

namespace ConvSpecs.Grader.Tests.Gradescope;

/// <summary>
/// The Gradescope package built once for a test class, from the grader these tests were built with (publish --no-build, zip
/// stored uncompressed: seconds instead of a Release build), unpacked into a temporary root laid out like Gradescope's
/// /autograder and set up there by deploy/gradescope/simulate.sh: setup.sh runs in full but for its download step
/// (CONVSPECS_GRADESCOPE_SKIP_INSTALL=1), its self-test grading included. Each run puts one submission in and runs
/// run_autograder with the root mounted at /autograder by bubblewrap.
/// </summary>
public sealed class GradescopeContainer : IAsyncLifetime
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    // generous: the machine may be running the rest of the suite beside these
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    public static readonly string Repository = RunSettings.RepositoryRoot() ?? throw new DirectoryNotFoundException("ConvSpecs.sln not found above the tests");

    private readonly string work = Path.Combine(Path.GetTempPath(), "convspecs-gradescope-tests", Guid.NewGuid().ToString("N"));

    public string Package => Path.Combine(work, "convspecs-gradescope.zip");

    /// <summary>What is mounted at /autograder.</summary>
    public string Root => Path.Combine(work, "autograder");

    /// <summary>Why the simulation cannot run here (no bubblewrap, zip or unzip); null when it can.</summary>
    public string? Missing { get; private set; }

    /// <summary>What packaging and setup.sh printed.</summary>
    public string Prepared { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Missing = new[] { "bwrap", "zip", "unzip" }.FirstOrDefault(program => !OnPath(program)) is { } absent
            ? $"{absent} is not installed (Debian packages bubblewrap, zip, unzip)"
            : null;
        if (Missing is not null) return;
        Directory.CreateDirectory(work);
        var (packaged, packaging) = await RunAsync(Path.Combine(Repository, "deploy", "gradescope", "package.sh"),
            [Package, "--configuration", Configuration, "--no-build", "--zip-level", "0"]);
        if (packaged != 0) throw new InvalidOperationException($"package.sh failed ({packaged}):\n{packaging}");
        var (setUp, setup) = await RunAsync(Simulate, ["prepare", Package, Root]);
        if (setUp != 0) throw new InvalidOperationException($"simulate.sh prepare (setup.sh) failed ({setUp}):\n{packaging}\n{setup}");
        Prepared = packaging + "\n" + setup;
    }

    /// <summary>
    /// Grades <paramref name="submission"/> (a folder) as Gradescope would: run_autograder in the container. proc "host" lets the
    /// grader's own bubblewrap nest inside; "private" gives the container a /proc of its own as Docker does, where it cannot.
    /// </summary>
    public async Task<GradescopeRun> GradeAsync(string submission, string proc, params string[] containerOptions)
    {
        var (exit, output) = await RunAsync(Simulate, ["run", Root, submission, "--proc", proc, "--", .. containerOptions]);
        var results = Path.Combine(Root, "results", "results.json");
        return new GradescopeRun(exit, output, File.Exists(results) ? await File.ReadAllTextAsync(results) : null);
    }

    /// <summary>A fresh folder holding one source file, as a student uploads it.</summary>
    public string Submission(string name, string source)
    {
        var folder = Path.Combine(work, "submissions", Guid.NewGuid().ToString("N"), name);
        Directory.CreateDirectory(folder);
        File.Copy(source, Path.Combine(folder, Path.GetFileName(source)));
        return folder;
    }

    public ValueTask DisposeAsync()
    {
        try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }

    private static string Simulate => Path.Combine(Repository, "deploy", "gradescope", "simulate.sh");

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(folder => folder.Length > 0 && File.Exists(Path.Combine(folder, program)));

    private static async Task<(int Exit, string Output)> RunAsync(string script, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // the package's settings are the defaults, whatever this shell's CONVSPECS_* say
        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("CONVSPECS_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} {string.Join(' ', arguments)} took more than {Patience.TotalMinutes} minutes");
        }
        return (process.ExitCode, $"$ {Path.GetFileName(script)} {string.Join(' ', arguments)}\n{await output}\n{await error}");
    }
}

/// <summary>One run of run_autograder: its exit code, what it printed (the instructor's "Autograder Output"), results.json.</summary>
public sealed record GradescopeRun(int Exit, string Output, string? ResultsJson);
