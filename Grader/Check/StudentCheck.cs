using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ConvSpecs.Drivers;
using ConvSpecs.Drivers.Training;
using ConvSpecs.Grader.Grading;
using ConvSpecs.Models;
using ConvSpecs.Reports;
using ConvSpecs.Suite;

namespace ConvSpecs.Grader.Check;

/// <summary>
/// check: a student's folder compiled at run time (no project rebuild) and its rules run in this one process,
/// one ✓/✗ line per rule. With --watch, again on every save. ./run-specs.sh --submission NAME runs this.
/// </summary>
public static partial class StudentCheck
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    /// <summary>The command: 0 when every rule checked passed, 1 when one failed or did not compile, 2 for a wrong request.</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        CheckOptions options;
        try
        {
            options = CheckOptions.Parse(args);
        }
        catch (ArgumentException invalid)
        {
            Console.Error.WriteLine($"check: {invalid.Message}\n\n{CheckOptions.Usage}");
            return 2;
        }
        return options.Watch ? Watch(options, Console.Out, CancellationToken.None) : Run(options, Console.Out);
    }

    /// <summary>Checks the requested submissions once, writing to <paramref name="console"/>.</summary>
    public static int Run(CheckOptions options, TextWriter console)
    {
        var found = SubmissionFolders.Find(options.ModelsDirectory);
        if (options.Submission is { } wanted && !found.Contains(wanted))
        {
            console.WriteLine(SubmissionFolders.Unknown(wanted, options.ModelsDirectory, found));
            return 2;
        }
        var allPassed = true;
        foreach (var student in options.Submission is { } one ? [one] : found)
            allPassed &= CheckOne(student, options, console);
        return allPassed ? 0 : 1;
    }

    /// <summary>Checks once, then again each time a .cs file of the folder is saved, until <paramref name="cancel"/>.</summary>
    public static int Watch(CheckOptions options, TextWriter console, CancellationToken cancel)
    {
        var status = Run(options, console);
        if (status == 2) return status;
        var folder = Path.Combine(options.ModelsDirectory, options.Submission!);
        using var saved = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(folder, "*.cs") { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
        FileSystemEventHandler changed = (_, _) => saved.Release();
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (_, _) => saved.Release();
        watcher.EnableRaisingEvents = true;
        console.WriteLine($"Watching {folder} (Ctrl+C stops).");
        try
        {
            while (true)
            {
                saved.Wait(cancel);
                var sinceSave = Stopwatch.StartNew();
                // An editor writes a file in several steps: wait until the folder is quiet.
                while (saved.Wait(Quiet, cancel)) { }
                console.WriteLine();
                console.WriteLine($"── {DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} saved: checking {options.Submission} again ──");
                Run(options, console);
                console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Re-checked {sinceSave.Elapsed.TotalSeconds:F1} s after the save."));
            }
        }
        catch (OperationCanceledException)
        {
            return 0;
        }
    }

    private static bool CheckOne(string student, CheckOptions options, TextWriter console)
    {
        var clock = Stopwatch.StartNew();
        var folder = Path.Combine(options.ModelsDirectory, student);
        console.WriteLine($"Checking {student} ({Shown(folder)}/)");
        foreach (var note in SourceNotes.For(student, folder, options.IsRepositoryModels)) console.WriteLine($"  ⚠ {note}");

        // Two cores: torch and the features load while Roslyn compiles (each about a second, cold).
        var warmUp = Task.Run(WarmUp);
        var build = CheckedBuild.Compile(student, folder, Path.Combine(options.WorkDirectory, student));
        warmUp.Wait();
        ReportCompileErrors(build, console);
        if (build.Assembly is null)
        {
            console.WriteLine($"{student}: not checked: no part of the folder compiles; fix the errors above.");
            return false;
        }

        var models = SubmissionCatalog.Discover(build.Assembly).SelectMany(submission => submission.Models)
            .OrderBy(model => model.Task, StringComparer.Ordinal).ThenBy(model => model.Role, StringComparer.Ordinal).ToList();
        if (models.Count == 0)
        {
            console.WriteLine($"{student}: not checked: no [Variant] model. Mark your model class with [Variant(n)] (using ConvSpecs.Models;).");
            return false;
        }
        var submission = new Submission(student, models) { SourceFolder = folder };
        var variants = build.Variants;
        if (options.Variant is { } only && !variants.Contains(only) && !build.NotCompiled.Contains(only))
        {
            console.WriteLine($"{student}: has no {(only == ModelRoles.PoolingTask ? "pooling task" : $"variant {only}")} model; it has {Describe(variants)}. Mark it with {ModelRoles.AttributeFor(TaskOf(only), "")}.");
            return false;
        }

        var (passed, failed) = (0, 0);
        foreach (var group in GradingPlan.For(variants, options.Variant).GroupBy(item => Specification.VariantOf(item.Scenario)!))
        {
            var lines = new RuleLines(console);
            lines.Variant(student, group.Key);
            foreach (var rule in group.GroupBy(item => item.Scenario.RuleName ?? item.Scenario.Name))
            {
                var outcomes = rule.Select(item => RunScenario(item.Scenario, submission, build, console)).ToList();
                lines.Rule(rule.Key, outcomes);
                passed += outcomes.Count(outcome => outcome.Result.Passed);
                failed += outcomes.Count(outcome => !outcome.Result.Passed);
            }
        }
        foreach (var variant in build.NotCompiled.Where(variant => options.Variant is null || options.Variant == variant))
        {
            console.WriteLine($"{student} · {(variant == ModelRoles.PoolingTask ? "the pooling task" : $"variant {variant}")}: not checked: its model is in {(build.LeftOut.Count == 1 ? build.LeftOut[0] : $"one of {string.Join(", ", build.LeftOut)}")}, which does not compile (errors above).");
            failed++;
        }
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{student}: {passed} of {passed + failed} checks passed{(failed > 0 ? $", {failed} failed" : "")} ({clock.Elapsed.TotalSeconds:F1} s). Evidence, every rule with its statistics and plots: {Shown(Path.Combine(RunSettings.FromEnvironment().EvidenceRoot, ScenarioEvidence.Slug(student), "index.html"))}"));
        return failed == 0;
    }

    private static void WarmUp()
    {
        _ = Specification.Suite;
        using var scope = TorchSharp.torch.NewDisposeScope();
        _ = TorchSharp.torch.zeros(1);
    }

    private static RuleLines.Outcome RunScenario(Bridge.Scenario scenario, Submission submission, CheckedBuild build, TextWriter console)
    {
        var settings = RunSettings.FromEnvironment();
        Bridge.ScenarioResult result;
        using (new TrainingBar(Path.Combine(settings.EvidenceRoot, TrainingProgress.LogFileName), console, redraw: !Console.IsOutputRedirected && console == Console.Out))
            result = Specification.Run(scenario, submission, settings);
        var measured = RuleLines.ReadMeasured(ScenarioEvidence.FolderOf(settings, submission.Name, scenario));
        return new RuleLines.Outcome(scenario, result, measured, StudentFrames.Of(result.Error, build.Assembly!));
    }

    private static void ReportCompileErrors(CheckedBuild build, TextWriter console)
    {
        foreach (var line in build.Errors)
        {
            // TorchSharp's full names make an overload message three lines long; the short names say the same.
            console.WriteLine($"  ✗ {line.Replace("TorchSharp.torch.nn.", "", StringComparison.Ordinal).Replace("TorchSharp.torch.", "", StringComparison.Ordinal).Replace("TorchSharp.", "", StringComparison.Ordinal)}");
            if (CompileError.Parse(line)?.Hint is { } hint) console.WriteLine($"      hint: {hint}");
        }
        var dependents = build.LeftOut.Where(file => !build.Errors.Any(line => CompileError.Parse(line)?.File == file)).ToList();
        if (build.Assembly is not null && dependents.Count > 0)
            console.WriteLine($"  ⚠ left out too, since they use code from a file that does not compile: {string.Join(", ", dependents)}");
    }

    // Models/IvanPetrov from the repository; a folder elsewhere in full.
    private static string Shown(string path) =>
        Path.GetRelativePath(Directory.GetCurrentDirectory(), path) is var relative && !relative.StartsWith("..", StringComparison.Ordinal) ? relative : path;

    private static string TaskOf(string variant) => variant == ModelRoles.PoolingTask ? variant : $"variant{variant}";

    private static string Describe(IReadOnlyList<string> variants) =>
        string.Join(", ", variants.Select(variant => variant == ModelRoles.PoolingTask ? "the pooling task" : $"variant {variant}"));
}
