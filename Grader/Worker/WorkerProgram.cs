using System.Globalization;
using System.Reflection;
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
    private const int GraderGone = 70;

    private static int runningIndex = -1;

    /// <summary>worker --assembly P --student NAME --evidence DIR --seed S --device D --first-index K --scenario ID [--scenario ID …]</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        // The channel is the real stdout, taken before any student code runs; whatever the student
        // prints goes to stderr, so it can never pass for a protocol line by accident.
        var channel = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
        Console.SetOut(Console.Error);
        var arguments = WorkerArguments.Parse(args);
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
            Send(channel, new WorkerMessage("fatal", Message: $"The compiled submission could not be loaded: {thrown.Message}"));
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
                result.Passed ? null : new ScenarioFailedException(result).Message,
                [.. result.Steps.Select(step => new StepLine(step.Step.ToString(), step.Outcome.ToString()))]));
            runningIndex = -1;
        }
        Send(channel, new WorkerMessage("done"));
        return 0;
    }

    /// <summary>Ends this process when stdin closes: the grader died or gave up on it, so nobody waits for the rest.</summary>
    private static void WatchLifeline() => new Thread(() =>
    {
        using var stdin = Console.OpenStandardInput();
        var buffer = new byte[64];
        while (stdin.Read(buffer) > 0) { }
        runningIndex = -1;
        Environment.Exit(GraderGone);
    }) { IsBackground = true, Name = "lifeline" }.Start();

    /// <summary>Every [Variant] model of the assembly, as one submission named after the student's folder.</summary>
    private static Submission Load(WorkerArguments arguments)
    {
        var assembly = Assembly.LoadFrom(arguments.Assembly);
        var models = SubmissionCatalog.Discover(assembly).SelectMany(submission => submission.Models)
            .OrderBy(model => model.Task, StringComparer.Ordinal).ThenBy(model => model.Role, StringComparer.Ordinal).ToList();
        return new Submission(arguments.Student, models);
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
