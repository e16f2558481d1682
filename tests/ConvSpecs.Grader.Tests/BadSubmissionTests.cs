using ConvSpecs.Grader.Grading;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Grader.Tests;

/// <summary>Every kind of broken student in Submissions/ ends with its own verdict, and the batch goes on.</summary>
public sealed class BadSubmissionTests
{
    [Fact]
    public async Task EveryStudentOfTheBatchGetsAVerdictAndAResultsFile()
    {
        var expected = Directory.EnumerateDirectories(FixtureBatch.Submissions).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        var batch = await FixtureBatch.Batch;

        batch.Students.Select(student => student.Student).Should().Equal(expected);
        batch.Students.Should().OnlyContain(student => student.Verdict.Length > 0);
        batch.Students.Should().OnlyContain(student => File.Exists(Path.Combine(FixtureBatch.BatchOutput, "students", student.Student, "results.json")));
    }

    [Fact]
    public async Task ASubmissionThatDoesNotCompileGetsTheCompilersErrorsWithFileAndLine()
    {
        var student = await FixtureBatch.Student("DoesNotCompile");

        student.Verdict.Should().Be("does not compile");
        student.CompileErrors.Should().Contain("Model.cs:12: error CS1002: ; expected")
            .And.Contain(error => error.StartsWith("Model.cs:13: error CS0246: The type or namespace name 'Conv3x3' could not be found", StringComparison.Ordinal));
        student.Variants.Should().Equal("2");
        student.Scenarios.Should().OnlyContain(verdict => verdict.Status == ScenarioStatus.NotRun && verdict.Message == "not run: the submission does not compile");
    }

    [Fact]
    public async Task ASubmissionWithoutAVariantAttributeIsToldToAddOne()
    {
        var student = await FixtureBatch.Student("NoVariant");

        student.Verdict.Should().StartWith("no [Variant] model: mark the model class with [Variant(n)]");
        student.Scenarios.Should().BeEmpty();
    }

    [Theory]
    [InlineData("ConstructorThrows", "could not be built: its constructor threw InvalidOperationException: weights.bin not found")]
    [InlineData("ForwardThrows", "forward threw NotImplementedException on input (2, 3, 32, 32): forward is still a TODO")]
    [InlineData("ReturnsNaN", "contains 32768 NaN and 0 infinite values")]
    [InlineData("WrongShape", "(measured (64, 8, 8))")]
    [InlineData("WrongChannels", "the first Conv2d expects 1 input channels but the input has 3")]
    public async Task AModelThatMisbehavesFailsItsScenariosWithTheSpecsMessage(string name, string expected)
    {
        var student = await FixtureBatch.Student(name);

        var shape = student.Scenarios.Single(verdict => verdict.Scenario.Name == "Output is (64, 16, 16)");

        student.Verdict.Should().Be(StudentResult.Graded);
        shape.Status.Should().Be(ScenarioStatus.Failed);
        shape.Message.Should().Contain(expected);
    }

    [Fact]
    public async Task ALayerCalledWithForwardIsReportedAsUnseen()
    {
        var student = await FixtureBatch.Student("BypassesCall");

        var layers = student.Scenarios.Single(verdict => verdict.Scenario.Name == "At most 3 Conv2d layers run");

        layers.Status.Should().Be(ScenarioStatus.Failed);
        layers.Message.Should().Contain("TorchSharp fires hooks only for submodules invoked with .call(x)");
    }

    [Fact]
    public async Task AnInfiniteLoopTimesOutEachScenarioAndTheRestAreNotRun()
    {
        var student = await FixtureBatch.Student("InfiniteLoop");

        student.Verdict.Should().Be($"timed out after {FixtureBatch.ScenarioTimeout.TotalSeconds:0} s (the limit per scenario) (in \"Output is (64, 16, 16)\")");
        student.Scenarios.Select(verdict => verdict.Status).Should().Equal(
            ScenarioStatus.Interrupted, ScenarioStatus.Interrupted, ScenarioStatus.Interrupted, ScenarioStatus.NotRun);
        student.Scenarios[^1].Message.Should().Be("not run: 3 scenarios before it hung or crashed the student's process");
    }

    [Fact]
    public async Task AHundredMillionParameterModelIsKilledAtTheMemoryLimit()
    {
        var student = await FixtureBatch.Student("HugeModel");

        student.Verdict.Should().StartWith($"killed: it went over the memory limit of {FixtureBatch.MemoryLimitMiB} MiB");
        student.Scenarios.Should().NotContain(verdict => verdict.Passed);
    }

    [Fact]
    public async Task EnvironmentExitInForwardIsACrashOfThatStudentOnly()
    {
        var student = await FixtureBatch.Student("ExitsInForward");

        student.Verdict.Should().Be("crashed: student code called Environment.Exit(0), which ends the whole process (in \"Output is (64, 16, 16)\")");
        student.Scenarios.Take(3).Should().OnlyContain(verdict => verdict.Status == ScenarioStatus.Interrupted);
    }

    [Fact]
    public async Task TheGoodStudentPassesEveryScenarioOfBothVariants()
    {
        var student = await FixtureBatch.Student("Good");

        student.Variants.Should().Equal("2", "3");
        student.Verdict.Should().Be(StudentResult.Graded);
        student.Scenarios.Should().HaveCount(7).And.OnlyContain(verdict => verdict.Passed);
    }
}
