using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ConvSpecs.Bridge;
using ConvSpecs.Grader.Compiling;
using ConvSpecs.Grader.Isolation;
using ConvSpecs.Grader.Worker;

namespace ConvSpecs.Grader.Grading;

/// <summary>
/// Grades one student: compiles the folder (in a compiler process), runs the plan in a worker, and when a scenario hangs or crashes
/// the worker, records that as the scenario's verdict and goes on in a fresh worker with the scenarios after it.
/// </summary>
public sealed partial class StudentGrader(GradingOptions options, Sandbox sandbox, CompilerPool compilers)
{
    /// <summary>After this many hung or crashed scenarios the rest are not run: the same fault tends to repeat.</summary>
    public const int MaxInterruptions = 3;

    public async Task<StudentResult> GradeAsync(string student, string folder)
    {
        var clock = Stopwatch.StartNew();
        // One deadline for compiling and grading; one cgroup and one scratch volume for every worker of the student.
        var deadline = DateTime.UtcNow + options.StudentTimeout;
        using var cgroup = StudentCgroup.Create(options.Limits);
        using var scratch = ScratchVolume.Create(Path.Combine(options.OutputDirectory, "scratch", student), options.ScratchMiB, options.ScratchFiles, sandbox.OutsideUid);
        string[] readable = [AppContext.BaseDirectory, .. options.Training.ExistingInputs()];
        string[] hidden = [options.SubmissionsDirectory, options.OutputDirectory];
        var assembly = Path.Combine(scratch.Path, $"{AssemblySafe().Replace(student, "_")}.dll");
        var compiled = await compilers.CompileAsync(student, folder, assembly, deadline);
        var plan = GradingPlan.For(compiled.Variants, options.Variant);

        if (!compiled.Compiles)
            return Result(compiled, plan.Select(item => NotRun(item, "not run: the submission does not compile")).ToList(), compiled.FailureVerdict, clock);
        if (compiled.Variants.Count == 0)
            return Result(compiled, [], "no [Variant] model: mark the model class with [Variant(n)] (README, \"The contract\")", clock);

        var box = new StudentBox(sandbox, cgroup, new SandboxView(scratch.Path, readable, hidden, Sources: folder), options);
        var verdicts = await RunAsync(compiled, plan, box, deadline);
        var first = verdicts.FirstOrDefault(verdict => verdict.Status == ScenarioStatus.Interrupted);
        var refused = verdicts.SelectMany(verdict => verdict.Evidence.Refusals).FirstOrDefault();
        return Result(compiled, verdicts, first is not null ? $"{first.Message} (in \"{first.Scenario.Name}\")"
            : refused is not null ? $"evidence refused: {refused}" : StudentResult.Graded, clock);
    }

    private async Task<List<ScenarioVerdict>> RunAsync(CompiledSubmission compiled, IReadOnlyList<(string Number, Scenario Scenario)> plan, StudentBox box, DateTime deadline)
    {
        var evidence = Path.Combine(box.View.Scratch, "evidence");
        var verdicts = new List<ScenarioVerdict>();
        var interruptions = 0;
        while (verdicts.Count < plan.Count)
        {
            if (interruptions == MaxInterruptions)
            {
                verdicts.AddRange(plan.Skip(verdicts.Count).Select(item => NotRun(item, $"not run: {MaxInterruptions} scenarios before it hung or crashed the student's process")));
                break;
            }
            if (DateTime.UtcNow >= deadline)
            {
                verdicts.AddRange(plan.Skip(verdicts.Count).Select(item => NotRun(item, $"not run: the student's time limit of {options.StudentTimeout.TotalSeconds:0} s ran out")));
                break;
            }
            var first = verdicts.Count;
            var arguments = new WorkerArguments(compiled.AssemblyPath!, compiled.Student, evidence, options.Seed, options.Device, first,
                [.. plan.Skip(first).Select(item => item.Scenario.Id)], options.Training, box.View.Sources);
            var outcome = await WorkerProcess.RunAsync(arguments, box, deadline);

            foreach (var end in outcome.Finished)
            {
                var item = plan[end.Index];
                verdicts.Add(new ScenarioVerdict(item.Number, item.Scenario, end.Passed ? ScenarioStatus.Passed : ScenarioStatus.Failed,
                    end.Message, end.Steps ?? [], Evidence(evidence, end.Index)));
            }
            if (outcome.Fatal is { } fatal)
            {
                verdicts.AddRange(plan.Skip(verdicts.Count).Select(item => NotRun(item, fatal)));
                break;
            }
            if (outcome.Interruption is { } interruption && interruption.Index < plan.Count)
            {
                var item = plan[interruption.Index];
                verdicts.Add(new ScenarioVerdict(item.Number, item.Scenario, ScenarioStatus.Interrupted, interruption.Reason, [], Evidence(evidence, interruption.Index)));
                interruptions++;
            }
        }
        return verdicts;
    }

    private static MeasuredEvidence Evidence(string root, int index) =>
        MeasuredEvidence.Read(Path.Combine(root, index.ToString(CultureInfo.InvariantCulture)));

    private static ScenarioVerdict NotRun((string Number, Scenario Scenario) item, string why) =>
        new(item.Number, item.Scenario, ScenarioStatus.NotRun, why, [], MeasuredEvidence.None);

    private static StudentResult Result(CompiledSubmission compiled, IReadOnlyList<ScenarioVerdict> verdicts, string verdict, Stopwatch clock) =>
        new(compiled.Student, compiled.Variants, compiled.Errors, verdicts, verdict, clock.Elapsed);

    [GeneratedRegex(@"[^A-Za-z0-9_]")]
    private static partial Regex AssemblySafe();
}
