using System.Globalization;
using System.Reflection;
using ConvSpecs.Grader.Compiling;
using ConvSpecs.Grader.Grading;
using ConvSpecs.Reports;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace ConvSpecs.Grader.Tests;

/// <summary>
/// One row per student of CONVSPECS_SUBMISSIONS ("does it compile and name a variant") and per scenario of the
/// variants the student attempts, found from each folder's [Variant] attributes at discovery. Without the variable: one skipped row.
/// </summary>
public sealed class GradedScenariosAttribute : DataAttribute
{
    /// <summary>The number of the row that stands for the submission itself rather than a scenario.</summary>
    public const string SubmissionRow = "0";

    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        if (Environment.GetEnvironmentVariable(GradingOptions.SubmissionsVariable) is not { Length: > 0 })
            return new([new TheoryDataRow<string, string>("", SubmissionRow)
            {
                TestDisplayName = "Grade a folder of submissions",
                Skip = $"set {GradingOptions.SubmissionsVariable} to a folder with one sub-folder per student (README, \"Auto-grader\")",
            }]);

        var options = GradingOptions.FromEnvironment();
        var rows = new List<ITheoryDataRow>();
        // the students the grader will grade, and the variants they name, without compiling method bodies (the grading compiles once)
        foreach (var (student, folder) in GradingPlan.Students(options.SubmissionsDirectory).Students)
        {
            var shown = TerminalText.OneLine(student);
            rows.Add(Row(student, SubmissionRow, $"Submission compiles and has a [Variant] model [{shown}]", null));
            rows.AddRange(GradingPlan.For(SubmissionCompiler.Variants(folder), options.Variant).Select(item =>
                Row(student, item.Number, $"{item.Scenario.FeatureName}: {item.Scenario.Name} [{shown}]", item.Number.Split('.')[0])));
        }
        return new(rows);
    }

    public override bool SupportsDiscoveryEnumeration() => true;

    private static TheoryDataRow<string, string> Row(string student, string number, string name, string? variant)
    {
        var row = new TheoryDataRow<string, string>(student, number) { TestDisplayName = name };
        row.WithTrait("Submission", student);
        if (variant is not null) row.WithTrait("Variant", variant.ToString(CultureInfo.InvariantCulture));
        return row;
    }
}
