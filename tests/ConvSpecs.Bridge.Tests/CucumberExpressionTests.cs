using System.Reflection;
using ConvSpecs.Bridge.Tests.Steps;
using FluentAssertions;

namespace ConvSpecs.Bridge.Tests;

public sealed class CucumberExpressionTests
{
    private readonly ParameterTypeRegistry types = new();

    [Theory]
    [InlineData("I have 42 cukes", "42")]
    [InlineData("I have -3 cukes", "-3")]
    [InlineData("I have +7 cukes", "+7")]
    public void IntMatchesASignedWholeNumber(string text, string expected)
    {
        var pattern = StepPattern.Compile("I have {int} cukes", types);

        var arguments = pattern.Match(text);

        arguments!.Select(a => a.Text).Should().Equal(expected);
    }

    [Fact]
    public void IntDoesNotMatchADecimalNumber()
    {
        var pattern = StepPattern.Compile("I have {int} cukes", types);

        var arguments = pattern.Match("I have 3.5 cukes");

        arguments.Should().BeNull();
    }

    [Theory]
    [InlineData("2.5")]
    [InlineData("-0.25")]
    [InlineData(".5")]
    [InlineData("7")]
    [InlineData("1e-3")]
    public void FloatMatchesNumbersWithAPointAndAnExponent(string number)
    {
        var pattern = StepPattern.Compile("it weighs {float} kg", types);

        var arguments = pattern.Match($"it weighs {number} kg");

        arguments!.Single().Text.Should().Be(number);
    }

    [Fact]
    public void WordMatchesOneWordWithoutSpaces()
    {
        var pattern = StepPattern.Compile("the {word} mode", types);

        var oneWord = pattern.Match("the scientific mode");
        var twoWords = pattern.Match("the very scientific mode");

        oneWord!.Single().Text.Should().Be("scientific");
        twoWords.Should().BeNull();
    }

    [Theory]
    [InlineData("""say "hello world" twice""", "hello world")]
    [InlineData("say 'hello world' twice", "hello world")]
    [InlineData("""say "" twice""", "")]
    [InlineData("""say "a \"quoted\" word" twice""", """a "quoted" word""")]
    public void StringMatchesDoubleOrSingleQuotedTextWithoutItsQuotes(string text, string expected)
    {
        var pattern = StepPattern.Compile("say {string} twice", types);

        var arguments = pattern.Match(text);

        arguments!.Single().Text.Should().Be(expected);
    }

    [Fact]
    public void AnonymousParameterMatchesAnything()
    {
        var pattern = StepPattern.Compile("made by {}", types);

        var arguments = pattern.Match("made by Acme & Sons (1999)");

        arguments!.Single().Text.Should().Be("Acme & Sons (1999)");
    }

    [Theory]
    [InlineData("I have 1 cucumber")]
    [InlineData("I have 2 cucumbers")]
    public void OptionalTextMayBeLeftOut(string text)
    {
        var pattern = StepPattern.Compile("I have {int} cucumber(s)", types);

        var arguments = pattern.Match(text);

        arguments.Should().NotBeNull();
    }

    [Theory]
    [InlineData("in my belly", true)]
    [InlineData("in my stomach", true)]
    [InlineData("in my tummy", false)]
    [InlineData("in my belly/stomach", false)]
    public void AlternationMatchesEitherWord(string text, bool matches)
    {
        var pattern = StepPattern.Compile("in my belly/stomach", types);

        var arguments = pattern.Match(text);

        (arguments is not null).Should().Be(matches);
    }

    [Fact]
    public void AlternationIsLimitedToOneWordAndMayHoldOptionalText()
    {
        var pattern = StepPattern.Compile("I eat a cucumber(s)/gherkin(s) now", types);

        var matches = new[] { "I eat a cucumbers now", "I eat a gherkin now" }.Select(pattern.Match);

        matches.Should().AllSatisfy(arguments => arguments.Should().NotBeNull());
        pattern.Match("I eat a now").Should().BeNull();
    }

    [Fact]
    public void BackslashEscapesTheSpecialCharacters()
    {
        var pattern = StepPattern.Compile(@"a \(b\) \{c\} d\/e \\ f", types);

        var arguments = pattern.Match(@"a (b) {c} d/e \ f");

        arguments.Should().BeEmpty();
    }

    [Fact]
    public void RegexCharactersInTheTextAreLiteral()
    {
        var pattern = StepPattern.Compile("it costs $5.00? [yes]", types);

        pattern.Match("it costs $5.00? [yes]").Should().NotBeNull();
        pattern.Match("it costs $5X00? [yes]").Should().BeNull();
    }

    [Fact]
    public void TheWholeStepTextMustMatch()
    {
        var pattern = StepPattern.Compile("I press {word}", types);

        var arguments = pattern.Match("I press add twice");

        arguments.Should().BeNull();
    }

    [Fact]
    public void CustomParameterTypeMatchesTheRegexOfItsTransformation()
    {
        var transformation = typeof(CalculatorSteps).GetMethod(nameof(CalculatorSteps.ToOperation))!;
        types.AddTransformation(transformation, transformation.GetCustomAttribute<StepArgumentTransformationAttribute>()!);
        var pattern = StepPattern.Compile("I press {operation}", types);

        var add = pattern.Match("I press multiply");
        var unknown = pattern.Match("I press square-root");

        add!.Single().Should().Be(new CapturedArgument("multiply", types.Find("operation")));
        unknown.Should().BeNull();
    }

    [Fact]
    public void UndefinedParameterTypeIsReportedWithHowToDefineIt()
    {
        var compile = () => StepPattern.Compile("the {shape} of the input", types);

        compile.Should().Throw<FormatException>().WithMessage("*{shape}*[StepArgumentTransformation(regex, Name = \"shape\")]*");
    }

    [Fact]
    public void ParameterInsideOptionalTextIsRejected()
    {
        var compile = () => StepPattern.Compile("I have ({int}) cukes", types);

        compile.Should().Throw<FormatException>().WithMessage("*{int} cannot be inside optional text*");
    }

    [Fact]
    public void PatternStartingWithCaretIsARegexWhoseGroupsAreTheArguments()
    {
        var pattern = StepPattern.Compile(@"^(\d+) items? in (?:the )?(\w+)", types);

        var arguments = pattern.Match("3 items in the basket");

        arguments!.Select(a => a.Text).Should().Equal("3", "basket");
        pattern.Match("3 items in the basket today").Should().BeNull();
    }
}
