using ConvSpecs.Bridge.Tests.Support;
using FluentAssertions;

namespace ConvSpecs.Bridge.Tests;

public sealed class GlossaryTests
{
    [Fact]
    public void GlossaryIsTheSameForEveryLoad()
    {
        var first = Glossary.ToMarkdown(Fixtures.Load("Good"));

        var second = Glossary.ToMarkdown(Fixtures.Load("Good"));

        second.Should().Be(first);
    }

    [Fact]
    public void GlossaryMatchesTheCommittedFile()
    {
        var committed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Glossary.md")).ReplaceLineEndings("\n");

        var rendered = Glossary.ToMarkdown(Fixtures.Good);

        // The rendering is kept for review, so that accepting a change is a copy, not a hand edit.
        var actual = Path.Combine(AppContext.BaseDirectory, "Glossary.actual.md");
        File.WriteAllText(actual, rendered);
        rendered.Should().Be(committed, $"Glossary.md is the reviewed vocabulary; when the bindings change, review {actual} and copy it over Glossary.md");
    }

    [Fact]
    public void GlossaryListsTheBuiltInParameterTypesThenTheCustomOnes()
    {
        var glossary = Glossary.ToMarkdown(Fixtures.Good);

        glossary.Should().ContainAll(
            "| `{int}` | `-?\\d+` | a whole number |",
            "| `{}` | `.*` | anything |",
            "| `{operation}` | `(add\\|subtract\\|multiply\\|divide)` | an arithmetic operation: add, subtract, multiply or divide |");
        glossary.IndexOf("`{}`", StringComparison.Ordinal).Should().BeLessThan(glossary.IndexOf("`{operation}`", StringComparison.Ordinal));
    }

    [Fact]
    public void EachBindingClassIsASectionWhoseStepsShowTheirMeaningAndFirstUse()
    {
        var glossary = Glossary.ToMarkdown(Fixtures.Good);

        glossary.Should().ContainAll(
            "## Calculator\n\nEntering numbers into a pocket calculator and reading its display.\n",
            "## Russian calculator\n",
            "| Given `I have entered {int} into the calculator` | Types a whole number; it goes into the memory and onto the display. | `Given I have entered 1 into the calculator` (Arithmetic/calculator.feature:11) |",
            "| When `an ambiguous step runs` |  | not used in any feature |");
    }
}
