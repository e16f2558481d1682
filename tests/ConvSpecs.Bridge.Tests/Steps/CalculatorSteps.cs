using System.ComponentModel;
using System.Globalization;
using ConvSpecs.Bridge.Tests.Domain;
using FluentAssertions;

namespace ConvSpecs.Bridge.Tests.Steps;

[Binding]
[Description("Entering numbers into a pocket calculator and reading its display.")]
public sealed class CalculatorSteps(Calculator calculator)
{
    [StepArgumentTransformation("(add|subtract|multiply|divide)", Name = "operation")]
    [Description("an arithmetic operation: add, subtract, multiply or divide")]
    public static Operation ToOperation(string text) => Enum.Parse<Operation>(text, ignoreCase: true);

    [Given("the calculator is switched on")]
    [Description("The calculator starts with an empty memory.")]
    public void SwitchOn() => calculator.SwitchOn();

    [Given("I have entered {int} into the calculator")]
    [Description("Types a whole number; it goes into the memory and onto the display.")]
    public void Enter(int number) => calculator.Enter(number);

    [Given("I have entered these numbers:")]
    [Description("Types the numbers of the table's number column, top to bottom.")]
    public void EnterAll(DataTable numbers)
    {
        foreach (var row in numbers.Rows)
            calculator.Enter(double.Parse(row["number"], CultureInfo.InvariantCulture));
    }

    [Given("the display shows {int}")]
    [Description("Puts a number on the display without entering it.")]
    public void Show(int number) => calculator.Show(number);

    [Given("the calculator is in {word} mode")]
    public void SetMode(string mode) => calculator.Mode = mode;

    [Given("a calculator made by {}")]
    public void SetMaker(string maker) => calculator.Maker = maker;

    [Given("a note:")]
    [Description("Keeps the doc string as the calculator's note.")]
    public void KeepNote(string note) => calculator.Note = note;

    [When("I press/tap {operation}")]
    [Description("Applies the operation to every number in the memory and shows the result.")]
    public void Press(Operation operation) => calculator.Press(operation);

    [Then("the result should be {int} on the screen")]
    public void ResultShouldBe(long expected) => calculator.Display.Should().Be(expected);

    [Then("the result is {float}")]
    public void ResultIs(double expected) => calculator.Display.Should().BeApproximately(expected, 1e-9);

    [Then("the display shows {int}")]
    public void DisplayShows(int expected) => calculator.Display.Should().Be(expected);

    [Then("the display does not show {int}")]
    public void DisplayDoesNotShow(int unexpected) => calculator.Display.Should().NotBe(unexpected);

    [Then("the memory holds {int} number(s)")]
    public void MemoryHolds(int count) => calculator.Memory.Should().Be(count);

    [Then("the note has {int} line(s)")]
    public void NoteHasLines(int count) => calculator.Note.Split('\n').Should().HaveCount(count);

    [Then("the note starts with {string}")]
    public void NoteStartsWith(string start) => calculator.Note.Should().StartWith(start);

    [Then("the calculator reports {string} mode by {string}")]
    public void Reports(string mode, string maker) => (calculator.Mode, calculator.Maker).Should().Be((mode, maker));

    [Then(@"^the last entry was ""(\d+)""$")]
    public void LastEntryWas(int number) => calculator.Display.Should().Be(number);
}
