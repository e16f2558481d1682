using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using ConvSpecs.Grader.Compiling;
using ConvSpecs.Grader.Isolation;
using Microsoft.Win32.SafeHandles;
using ConvSpecs.Bridge;
using ConvSpecs.Drivers;
using ConvSpecs.Models;
using ConvSpecs.Suite;
using static TorchSharp.torch;

namespace ConvSpecs.Grader.Worker;

/// <summary>
/// Inside one student's process: loads the compiled submission, runs the scenarios it is given in order and
/// reports each on the protocol channel. Started by the grader, never by hand.
/// </summary>
public static class WorkerProgram
{
    /// <summary>A failure message sent to the grader is cut here: a student's exception text can be any length.</summary>
    private const int MessageChars = 4000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static int runningIndex = -1;

    /// <summary>
    /// compile-server: compiles one submission per request line on stdin ({"student", "sources", "assembly"}),
    /// answering each with "compiled" on the protocol channel. Ends itself (SIGKILL) when stdin closes: the grader is gone.
    /// Started by the grader in a sandbox of its own; no student code runs here.
    /// </summary>
    public static int CompileServer()
    {
        var channel = OpenChannel();
        while (Console.In.ReadLine() is { } line)
        {
            var request = JsonSerializer.Deserialize<CompileArguments>(line, Json) ?? throw new InvalidOperationException("compile-server: an empty request.");
            var compiled = SubmissionCompiler.Compile(request.Student, request.Sources, request.Assembly, request.CheckApis);
            Send(channel, new WorkerMessage("compiled", Message: compiled.Refusal, Errors: [.. compiled.Errors.Select(Cut)], Variants: compiled.Variants));
        }
        System.Diagnostics.Process.GetCurrentProcess().Kill();
        return 0;
    }

    /// <summary>worker --assembly P --student NAME --evidence DIR --seed S --device D --first-index K --scenario ID [--scenario ID …]</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        var channel = OpenChannel();
        var arguments = WorkerArguments.Parse(args);
        UseTrainingSettings(arguments);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => ReportExit(channel);
        WatchLifeline();

        // One thread each: the same numbers whatever runs beside it, and two students share two cores fairly.
        set_num_threads(1);
        Submission submission;
        try
        {
            submission = Load(arguments);
        }
        catch (Exception thrown) when (thrown is ReflectionTypeLoadException or BadImageFormatException or FileLoadException or TypeLoadException)
        {
            Send(channel, new WorkerMessage("fatal", Message: Cut($"The compiled submission could not be loaded: {thrown.Message}")));
            return 0;
        }
        Send(channel, new WorkerMessage("ready"));

        for (var i = 0; i < arguments.Scenarios.Count; i++)
        {
            var index = arguments.FirstIndex + i;
            var scenario = Specification.Suite.GetScenario(arguments.Scenarios[i]);
            var settings = new RunSettings(arguments.Seed, arguments.Device, Path.Combine(arguments.Evidence, index.ToString(CultureInfo.InvariantCulture)));
            runningIndex = index;
            Send(channel, new WorkerMessage("start", index));
            var result = Specification.Run(scenario, submission, settings);
            Send(channel, new WorkerMessage("end", index, result.Passed,
                result.Passed ? null : Cut(new ScenarioFailedException(result).Message),
                [.. result.Steps.Select(step => new StepLine(step.Step.ToString(), step.Outcome.ToString()))]));
            runningIndex = -1;
        }
        Send(channel, new WorkerMessage("done"));
        return 0;
    }

    /// <summary>
    /// The protocol channel: descriptor 3, which the grader's launcher made from the pipe it reads, taken before any
    /// student code runs and closed on exec, so no child of the student's inherits it. Descriptors 1 and 2 both
    /// go to the grader's capped output pipe: nothing written to stdout, /dev/stdout or /proc/self/fd/1 reaches
    /// the protocol.
    /// </summary>
    private static StreamWriter OpenChannel()
    {
        if (SetCloseOnExec(Launcher.ProtocolDescriptor, SetDescriptorFlags, CloseOnExec) != 0)
            throw new InvalidOperationException("worker: descriptor 3 is not open; the worker is started by the grader, not by hand.");
        var pipe = new FileStream(new SafeFileHandle(Launcher.ProtocolDescriptor, ownsHandle: true), FileAccess.Write, bufferSize: 0);
        return new StreamWriter(pipe) { AutoFlush = true };
    }

    /// <summary>
    /// Ends this process with SIGKILL when stdin closes: the grader died or gave up on it. SIGKILL, not
    /// Environment.Exit: a ProcessExit handler of the student's could keep an exiting process alive forever.
    /// </summary>
    private static void WatchLifeline() => new Thread(() =>
    {
        using var stdin = Console.OpenStandardInput();
        var buffer = new byte[64];
        while (stdin.Read(buffer) > 0) { }
        System.Diagnostics.Process.GetCurrentProcess().Kill();
    }) { IsBackground = true, Name = "lifeline" }.Start();

    /// <summary>The grader's training settings, for the drivers, which read them from this process's own environment.</summary>
    private static void UseTrainingSettings(WorkerArguments arguments)
    {
        Environment.SetEnvironmentVariable("CONVSPECS_PROFILE", arguments.Training.Profile.Name);
        Environment.SetEnvironmentVariable("CONVSPECS_DATA_DIR", arguments.Training.DataFolder);
        Environment.SetEnvironmentVariable("CONVSPECS_DATASET", arguments.Training.DatasetRequest);
        Environment.SetEnvironmentVariable("CONVSPECS_POOLING_NPZ", arguments.Training.PoolingNpz);
    }

    private static string Cut(string text) => text.Length <= MessageChars ? text : text[..MessageChars] + "…";

    private const int SetDescriptorFlags = 2;
    private const int CloseOnExec = 1;

    [DllImport("libc", EntryPoint = "fcntl")]
    private static extern int SetCloseOnExec(int descriptor, int command, int flags);

    /// <summary>Every [Variant] model of the assembly, as one submission named after the student's folder.</summary>
    private static Submission Load(WorkerArguments arguments)
    {
        var assembly = Assembly.LoadFrom(arguments.Assembly);
        var models = SubmissionCatalog.Discover(assembly).SelectMany(submission => submission.Models)
            .OrderBy(model => model.Task, StringComparer.Ordinal).ThenBy(model => model.Role, StringComparer.Ordinal).ToList();
        return new Submission(arguments.Student, models) { SourceFolder = arguments.Sources };
    }

    // Runs when the process ends (on another thread, so the caller is not on the stack); mid-scenario
    // that is student code calling Environment.Exit.
    private static void ReportExit(StreamWriter channel)
    {
        if (runningIndex < 0) return;
        Send(channel, new WorkerMessage("exit", runningIndex, Message: $"student code called Environment.Exit({Environment.ExitCode})"));
    }

    private static void Send(StreamWriter channel, WorkerMessage message)
    {
        lock (channel) channel.WriteLine(message.ToLine());
    }
}
