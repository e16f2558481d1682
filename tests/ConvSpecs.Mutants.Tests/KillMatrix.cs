using System.Diagnostics;
using System.Globalization;
using System.Text;
using ConvSpecs.Bridge;
using ConvSpecs.Drivers;
using ConvSpecs.Grader.Results;
using ConvSpecs.Suite;

namespace ConvSpecs.Mutants.Tests;

/// <summary>
/// Rule × mutant: a rule kills a mutant when any of its scenarios fails for it. Harness checks (@harness) test the
/// suite's own loop, not the model, and are left out. Scenarios that train run only when <see cref="Training"/> is on,
/// and then only for the models that must pass everything and the mutants whose header names that rule: training a
/// pair takes a minute or more, and a mutant of a structural rule has nothing to show there.
/// A rule whose scenarios are all @experiment gives no points, so no mutant is required to kill it: it is informational.
/// </summary>
public sealed class KillMatrix
{
    public enum Cell { NotAttempted, NotRun, Survived, Killed }

    public sealed record Rule(string Feature, string Title, string Task, IReadOnlyList<Scenario> Scenarios)
    {
        public bool OnlyTrains => Scenarios.All(Trains);

        /// <summary>Every scenario is an @experiment: statistics and plots, no points, so nothing has to be able to fail it.</summary>
        public bool Informational => Scenarios.All(scenario => scenario.Tags.Contains(ScenarioScoring.ExperimentTag));
    }

    private readonly Dictionary<(Rule, string), List<(Scenario Scenario, ScenarioResult Result)>> verdicts = [];

    private KillMatrix(IReadOnlyList<Rule> rules, IReadOnlyList<Mutant> mutants, bool training)
    {
        Rules = rules;
        Mutants = mutants;
        Training = training;
    }

    public IReadOnlyList<Rule> Rules { get; }

    public IReadOnlyList<Mutant> Mutants { get; }

    /// <summary>Whether the scenarios that train (variant 4's and the pooling task's experiments) were run.</summary>
    public bool Training { get; }

    /// <summary>Scenarios whose models are trained first: a Given step of the form "… each trained with …".</summary>
    public static bool Trains(Scenario scenario) => scenario.Steps.Any(step => step.Text.Contains(", each trained with ", StringComparison.Ordinal));

    /// <summary>Every rule of every feature, in the order of the features; of one variant ("2", "pooling") when <paramref name="only"/> names it.</summary>
    public static IReadOnlyList<Rule> AllRules(string? only = null) =>
        [.. Specification.Suite.Scenarios.Where(scenario => scenario.RuleName is not null && Specification.TaskOf(scenario) is not null)
            .Where(scenario => string.IsNullOrEmpty(only) || Specification.VariantOf(scenario) == only)
            .GroupBy(scenario => (scenario.FeatureName, Title: scenario.RuleName!))
            .Select(rule => new Rule(rule.Key.FeatureName, rule.Key.Title, Specification.TaskOf(rule.First())!,
                [.. rule.Where(scenario => !scenario.Tags.Contains(ScenarioScoring.HarnessTag))]))];

    /// <summary>Runs every scenario of every rule each mutant's variants have, one mutant after the other.</summary>
    public static KillMatrix Run(IReadOnlyList<Mutant> mutants, bool training, RunSettings settings, Action<string> log, string? only = null)
    {
        var matrix = new KillMatrix(AllRules(only), mutants, training);
        foreach (var mutant in mutants.Where(mutant => mutant.Submission is not null))
        {
            var clock = Stopwatch.StartNew();
            var ran = 0;
            foreach (var rule in matrix.Rules.Where(rule => mutant.Submission!.Tasks.Contains(rule.Task)))
            {
                var results = new List<(Scenario, ScenarioResult)>();
                var trainHere = training && (mutant.MustPassAll || mutant.MustFail.Contains(rule.Title));
                foreach (var scenario in rule.Scenarios.Where(scenario => trainHere || !Trains(scenario)))
                {
                    results.Add((scenario, Specification.Run(scenario, mutant.Submission!, settings)));
                    ran++;
                }
                matrix.verdicts[(rule, mutant.Name)] = results;
            }
            log(string.Create(CultureInfo.InvariantCulture, $"{mutant.Name}: {ran} scenarios in {clock.Elapsed.TotalSeconds:F1} s"));
        }
        return matrix;
    }

    public Cell CellOf(Rule rule, Mutant mutant) =>
        !verdicts.TryGetValue((rule, mutant.Name), out var results) ? Cell.NotAttempted
        : results.Count == 0 ? Cell.NotRun
        : results.Any(result => !result.Result.Passed) ? Cell.Killed
        : Cell.Survived;

    /// <summary>Everything that breaks the corpus's promises; empty when every rule is proved able to fail.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var mutant in Mutants.Where(Attempts))
        {
            if (mutant.Problem is not null)
            {
                problems.Add(mutant.Problem);
                continue;
            }
            var own = Rules.Where(rule => mutant.Submission!.Tasks.Contains(rule.Task)).ToList();
            foreach (var title in mutant.MustFail)
            {
                var rule = own.FirstOrDefault(rule => rule.Title == title);
                if (rule is null)
                    problems.Add($"{mutant.Name}: \"Must fail: {title}\" names no Rule of its variants ({string.Join(", ", mutant.Submission!.Tasks.Order())}).");
                else if (CellOf(rule, mutant) == Cell.Survived)
                    problems.Add($"unexpected survivor: {mutant.Name} ({mutant.Description}) must fail \"{rule.Title}\" ({rule.Feature}) but passes every scenario of it.");
            }
            if (mutant.MustPassAll)
                foreach (var rule in own.Where(rule => CellOf(rule, mutant) == Cell.Killed))
                    problems.Add($"{mutant.Name} is a correct model but fails \"{rule.Title}\" ({rule.Feature}): {FirstFailure(rule, mutant)}");
        }
        foreach (var rule in Rules.Where(rule => !rule.Informational && (Training || !rule.OnlyTrains)))
            if (!Mutants.Any(mutant => CellOf(rule, mutant) == Cell.Killed))
                problems.Add($"no mutant kills \"{rule.Title}\" ({rule.Feature}): nothing shows that this rule can fail; add a mutant to tests/Mutants/.");
        return problems;
    }

    /// <summary>One table per feature: a row per rule, a column per mutant of that variant (numbered, named below).</summary>
    public string Render()
    {
        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Kill matrix: {Rules.Count} rules, {Mutants.Count(Attempts)} models (the reference and tests/Mutants/); training scenarios {(Training ? "included" : "left out (./run-specs.sh --mutants runs them)")}."))
            .AppendLine("K killed, * as its header says it must be, ! against its header, . survived, - not run (it trains: only for correct models and")
            .AppendLine("the mutants that name the rule), blank: not its variant.");
        foreach (var feature in Rules.GroupBy(rule => rule.Feature))
        {
            var columns = Mutants.Where(mutant => feature.Any(rule => CellOf(rule, mutant) != Cell.NotAttempted)).ToList();
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{feature.Key}");
            for (var i = 0; i < columns.Count; i++)
                text.AppendLine(CultureInfo.InvariantCulture, $"  [{i + 1,2}] {columns[i].Name}: {columns[i].Description}");
            text.Append(' ', 2 + RuleWidth);
            foreach (var i in Enumerable.Range(1, columns.Count)) text.Append(CultureInfo.InvariantCulture, $"{i,3}");
            text.AppendLine("  killed by");
            foreach (var rule in feature)
            {
                text.Append("  ").Append(Fit(rule.Title));
                foreach (var mutant in columns) text.Append(' ').Append(Mark(rule, mutant));
                var killers = columns.Count(mutant => CellOf(rule, mutant) == Cell.Killed);
                text.AppendLine(killers > 0 ? string.Create(CultureInfo.InvariantCulture, $"  {killers}")
                    : !Training && rule.OnlyTrains ? "  (trains)" : rule.Informational ? "  none (an @experiment: informational, no points)" : "  NONE");
            }
        }
        var problems = Problems();
        text.AppendLine().AppendLine(problems.Count == 0 ? "Every rule is killed by a mutant; every correct model passes." : $"{problems.Count} problem(s):");
        foreach (var problem in problems) text.AppendLine($"  - {problem}");
        return text.ToString();
    }

    // a mutant that did not compile is shown whatever the variant: its header cannot be checked
    private bool Attempts(Mutant mutant) => mutant.Submission is null || Rules.Any(rule => mutant.Submission.Tasks.Contains(rule.Task));

    private const int RuleWidth = 64;

    private static string Fit(string title) => title.Length <= RuleWidth ? title.PadRight(RuleWidth) : title[..(RuleWidth - 1)] + "…";

    private string Mark(Rule rule, Mutant mutant)
    {
        var expected = mutant.MustFail.Contains(rule.Title);
        return CellOf(rule, mutant) switch
        {
            Cell.Killed when mutant.MustPassAll => "K!",
            Cell.Killed => expected ? "K*" : "K ",
            Cell.Survived => expected ? ".!" : ". ",
            Cell.NotRun => "- ",
            _ => "  ",
        };
    }

    // the last line of the failure is what the step measured and required
    private string FirstFailure(Rule rule, Mutant mutant)
    {
        var failed = verdicts[(rule, mutant.Name)].First(result => !result.Result.Passed);
        var message = new ScenarioFailedException(failed.Result).Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return $"{failed.Scenario.Name}: {string.Join(" ", message.Skip(3))}";
    }
}
