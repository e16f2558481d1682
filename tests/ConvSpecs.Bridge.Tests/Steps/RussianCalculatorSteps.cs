using ConvSpecs.Bridge.Tests.Domain;
using FluentAssertions;

namespace ConvSpecs.Bridge.Tests.Steps;

[Binding]
public sealed class RussianCalculatorSteps(Calculator calculator)
{
    [Given("я ввёл {int} в калькулятор")]
    public void Enter(int number) => calculator.Enter(number);

    [When("я складываю")]
    public void Add() => calculator.Press(Operation.Add);

    [Then("на экране {int}")]
    public void DisplayShows(int expected) => calculator.Display.Should().Be(expected);

    [Then("на экране не {int}")]
    public void DisplayDoesNotShow(int unexpected) => calculator.Display.Should().NotBe(unexpected);
}
