using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using ConvSpecs.Grader.Compiling;
using ConvSpecs.Grader.Worker;

namespace ConvSpecs.Grader.Isolation;

/// <summary>
/// Compiles students' sources outside the grader, in long-lived compiler processes (one per student graded at
/// once), each in a sandbox of its own (the submissions read-only, a scratch tmpfs, no network, nobody) and a cgroup
/// with the memory, process and CPU limits of a student. Nothing of a student's runs there: Roslyn only reads the
/// sources, so one warm compiler may serve many students, which saves each the 1–2 s of CPU a cold Roslyn costs
/// (measured). A compiler that goes over a limit or past a student's compiling time is killed with its cgroup and
/// that student's verdict says why; the next student gets a fresh one.
/// </summary>
public sealed class CompilerPool(Sandbox sandbox, GradingOptions options) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentBag<Compiler> idle = [];
    private int started;

    /// <summary>
    /// Compiles <paramref name="folder"/> to <paramref name="assembly"/>, for at most one scenario's time and never
    /// past the student's deadline (compiling counts against the student's time).
    /// </summary>
    public async Task<CompiledSubmission> CompileAsync(string student, string folder, string assembly, DateTime studentDeadline)
    {
        var limit = options.ScenarioTimeout;
        var deadline = DateTime.UtcNow + limit < studentDeadline ? DateTime.UtcNow + limit : studentDeadline;
        var compiler = idle.TryTake(out var warm) ? warm : await Compiler.StartAsync(sandbox, options, Interlocked.Increment(ref started));
        var output = Path.Combine(compiler.Scratch.Path, "submission.dll");
        compiler.Cgroup.BeginRun();
        try
        {
            await compiler.Session.SendAsync(JsonSerializer.Serialize(new CompileArguments(student, folder, output, CheckApis: !options.AllowAnyApi), Json));
        }
        catch (IOException broken)
        {
            // it died before reading the request (bubblewrap could not start it): nothing of the student's was compiled
            await compiler.Session.StopAsync();
            var died = $"the compiler process ended before it read the request ({broken.Message}){compiler.Session.StderrHint()}";
            await compiler.DisposeAsync();
            throw new GraderFailure(died, broken);
        }
        var line = await compiler.Session.ReadAsync(deadline);
        if (line is WorkerMessage { Kind: "compiled" } compiled)
        {
            var compiles = compiled.Errors is [];
            if (compiles) Deliver(output, assembly);
            idle.Add(compiler);
            return new CompiledSubmission(student, compiles ? assembly : null, compiled.Errors ?? [], compiled.Variants ?? [], compiled.Message);
        }
        await compiler.Session.StopAsync();
        if (line is null && compiler.Session.Limit() is null && compiler.Session.SetupFailed())
        {
            var setup = $"the compiler's sandbox could not be set up{compiler.Session.StderrHint()}";
            await compiler.DisposeAsync();
            throw new GraderFailure(setup);
        }
        var why = line == WorkerProcess.TimedOut
            ? $"compiling took longer than {limit.TotalSeconds:0} s (compiling may take as long as one scenario); " +
              "simplify the code the compiler stops at, such as deeply nested lambdas passed to overloaded methods"
            : compiler.Session.Limit() is { } reached ? $"compiling was stopped: {reached}" : $"the compiler crashed{compiler.Session.StderrHint()}";
        await compiler.DisposeAsync();
        return new CompiledSubmission(student, null, [$"{student}/: {why}."], []);
    }

    /// <summary>
    /// Moves the assembly into the student's scratch folder, readable by the student's user whatever the umask made it (the
    /// compiler's 077 gives rw-------, and the move, by the grader, leaves a file of the grader's user there).
    /// </summary>
    private static void Deliver(string compiled, string assembly)
    {
        File.Move(compiled, assembly, overwrite: true);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(assembly, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    public void Dispose()
    {
        while (idle.TryTake(out var compiler)) compiler.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>One compiler process with its cgroup and scratch volume.</summary>
    private sealed class Compiler(StudentCgroup cgroup, ScratchVolume scratch, WorkerProcess.Session session) : IAsyncDisposable
    {
        public StudentCgroup Cgroup => cgroup;

        public ScratchVolume Scratch => scratch;

        public WorkerProcess.Session Session => session;

        public static async Task<Compiler> StartAsync(Sandbox sandbox, GradingOptions options, int number)
        {
            var cgroup = StudentCgroup.Create(options.Limits);
            var scratch = ScratchVolume.Create(Path.Combine(options.OutputDirectory, "compilers", number.ToString(CultureInfo.InvariantCulture)),
                options.ScratchMiB, options.ScratchFiles, sandbox.OutsideUid);
            // It reads every student's sources (and runs none of them); it writes only its scratch folder.
            var view = new SandboxView(scratch.Path, [AppContext.BaseDirectory], [options.OutputDirectory], options.SubmissionsDirectory);
            var session = await WorkerProcess.Session.StartAsync(["compile-server"], new StudentBox(sandbox, cgroup, view, options));
            return new Compiler(cgroup, scratch, session);
        }

        public async ValueTask DisposeAsync()
        {
            await session.DisposeAsync();
            cgroup.Dispose();
            scratch.Dispose();
        }
    }
}
