using Reqnroll.Bindings;
using ConvSpecs.Bridge.Tests.Support;
using FluentAssertions;

namespace ConvSpecs.Bridge.Tests;

public sealed class FeatureLoadingTests
{
    private readonly SpecSuite suite = Fixtures.Good;

    [Fact]
    public void FeatureFilesAreReadRecursivelyInOrderOfRelativePath()
    {
        var files = suite.Scenarios.Select(scenario => scenario.File).Distinct();

        files.Should().Equal("Arithmetic/calculator.feature", "lifecycle.feature", "russian.feature");
    }

    [Fact]
    public void ScenarioIdIsTheRelativePathAndTheLineOfTheScenario()
    {
        var scenario = suite.Named("Add two numbers");

        scenario.Id.Should().Be("Arithmetic/calculator.feature:18");
        scenario.Line.Should().Be(18);
        suite.GetScenario(scenario.Id).Should().BeSameAs(scenario);
    }

    [Fact]
    public void EachExamplesRowIsAScenarioIdentifiedByTheRowsLine()
    {
        var rows = suite.Scenarios.Where(scenario => scenario.Name.StartsWith("Add ", StringComparison.Ordinal) && scenario.Name != "Add two numbers").ToList();

        rows.Select(row => (row.Name, row.Id)).Should().Equal(
            ("Add 1 and 2", "Arithmetic/calculator.feature:33"),
            ("Add 5 and -5", "Arithmetic/calculator.feature:34"));
        rows[1].Steps.Select(step => step.Text).Should().Contain(["I have entered -5 into the calculator", "the result should be 0 on the screen"]);
    }

    [Fact]
    public void IdsAreTheSameForEveryLoadOfTheSameSource()
    {
        var again = Fixtures.Load("Good");

        again.Scenarios.Select(scenario => scenario.Id).Should().Equal(suite.Scenarios.Select(scenario => scenario.Id));
    }

    [Fact]
    public void BackgroundStepsComeFirstWithTheirOwnLine()
    {
        var scenario = suite.Named("Add two numbers");

        scenario.Steps[0].Should().BeEquivalentTo(new { Keyword = "Given", Text = "the calculator is switched on", Line = 7 });
        scenario.Steps.Should().HaveCount(5);
    }

    [Fact]
    public void RuleNameComesFromTheEnclosingRuleAndIsNullWithoutOne()
    {
        var inRule = suite.Named("Add two numbers");
        var outsideRules = suite.Named("Divide by zero");

        inRule.RuleName.Should().Be("Adding numbers");
        outsideRules.RuleName.Should().BeNull();
    }

    [Fact]
    public void TagsAreInheritedFromFeatureRuleAndExamplesWithoutTheAtSign()
    {
        var scenario = suite.Named("Add two numbers");
        var outlineRow = suite.Named("Add 1 and 2");

        scenario.Tags.Should().Equal("calculator", "smoke");
        outlineRow.Tags.Should().Equal("calculator", "pairs");
    }

    [Fact]
    public void ATagRepeatedAtSeveralLevelsKeepsItsInnermostPlaceSoTheInnermostPointsWin()
    {
        var folder = Directory.CreateTempSubdirectory("convspecs-tags-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "points.feature"), """
                @points:2 @graded
                Feature: Points
                  @points:1
                  Rule: A rule worth one point a scenario
                    @points:2 @graded
                    Scenario: The scenario's own points
                      Given the calculator is switched on
                """);

            var scenario = SpecSuite.Load(folder.FullName, typeof(Fixtures).Assembly).Named("The scenario's own points");

            scenario.Tags.Should().Equal("points:1", "points:2", "graded");
            scenario.Tags.Last(tag => tag.StartsWith("points:", StringComparison.Ordinal)).Should().Be("points:2");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void FeatureNameAndDescriptionAreKeptWithTheDescriptionLinesTrimmed()
    {
        var scenario = suite.Named("Add two numbers");

        scenario.FeatureName.Should().Be("Calculator");
        scenario.FeatureDescription.Should().Be("A pocket calculator adds and multiplies\nthe numbers entered into it.");
    }

    [Fact]
    public void DataTableArrivesWithItsHeaderRowsAndCells()
    {
        var step = suite.Named("Multiply the numbers of a table").Steps[1];

        step.Table![0].Should().Equal("number", "spoken");
        step.Table.Skip(1).Select(row => row[1]).Should().Equal("two", "three");
        step.Table[2].Should().Equal("3.5", "three");
    }

    [Fact]
    public void DocStringArrivesAsItsText()
    {
        var step = suite.Named("Keep a note").Steps[1];

        step.DocString.Should().Be("Remember the milk.\nTwice.");
        step.Table.Should().BeNull();
    }

    [Fact]
    public void AndAndButTakeTheTypeOfTheStepBeforeThem()
    {
        var steps = BindingCatalog.Typed(suite.Named("The display is set by a Given and checked by a Then")).Skip(1);

        steps.Select(typed => (typed.Step.Keyword, typed.Type)).Should().Equal(
            ("Given", StepDefinitionType.Given), ("And", StepDefinitionType.Given), ("Then", StepDefinitionType.Then), ("And", StepDefinitionType.Then), ("But", StepDefinitionType.Then));
    }

    [Fact]
    public void StarStepTakesTheTypeOfTheStepBeforeIt()
    {
        var typed = BindingCatalog.Typed(suite.Named("Modes, makers and memory")).ToList();

        typed[4].Step.Should().BeEquivalentTo(new { Keyword = "*", Text = "I have entered 2 into the calculator" });
        typed[4].Type.Should().Be(typed[3].Type);
    }

    [Fact]
    public void RussianKeywordsAreReadFromTheLanguageComment()
    {
        var scenario = suite.Named("Сложить два числа");

        scenario.FeatureName.Should().Be("Калькулятор по-русски");
        BindingCatalog.Typed(scenario).Select(typed => (typed.Step.Keyword, typed.Type)).Should().Equal(
            ("Дано", StepDefinitionType.Given), ("И", StepDefinitionType.Given), ("Когда", StepDefinitionType.When), ("Тогда", StepDefinitionType.Then), ("Но", StepDefinitionType.Then));
    }

    [Fact]
    public void MissingFeaturesDirectoryIsReported()
    {
        var load = () => Fixtures.Load("Nowhere");

        load.Should().Throw<DirectoryNotFoundException>().WithMessage("*Features/Nowhere*");
    }
}
