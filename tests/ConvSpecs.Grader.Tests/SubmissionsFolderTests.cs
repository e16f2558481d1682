using ConvSpecs.Grader.Grading;
using ConvSpecs.Reports;
using Xunit;

namespace ConvSpecs.Grader.Tests;

/// <summary>
/// Grading as plain dotnet test: with CONVSPECS_SUBMISSIONS set, the whole folder is graded once, isolated and
/// in parallel (the first test waits for it, and the results, CSV and report are written), and each test reports
/// one student's verdict on one scenario, so the test platform's TRX and JUnit reports list them all.
/// </summary>
public sealed class SubmissionsFolderTests
{
    private static readonly Lazy<Task<BatchResult>> Batch = new(() => BatchGrader.GradeAsync(GradingOptions.FromEnvironment()));

    [Theory, GradedScenarios]
    public async Task Grade(string student, string number)
    {
        var result = (await Batch.Value).Students.Single(candidate => candidate.Student == student);

        if (number == GradedScenariosAttribute.SubmissionRow)
        {
            // the messages reach the instructor's terminal: a student's escape sequences are removed
            Assert.True(result.Compiles, TerminalText.Clean($"{student} does not compile:\n{string.Join('\n', result.CompileErrors)}"));
            Assert.True(result.Variants.Count > 0, TerminalText.Clean($"{student}: {result.Verdict}"));
            return;
        }
        var verdict = result.Scenarios.Single(candidate => candidate.Number == number);
        Assert.True(verdict.Passed, TerminalText.Clean(verdict.Message));
    }
}
