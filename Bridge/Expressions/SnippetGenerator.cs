using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ConvSpecs.Bridge;

/// <summary>Writes a Reqnroll-style step definition for an undefined step, ready to paste into a [Binding] class.</summary>
internal static partial class SnippetGenerator
{
    // Quoted text, or a number standing on its own (not the 2 of "conv2d", but the 3 of "3.").
    [GeneratedRegex("""
        "[^"]*"|'[^']*'|(?<![\w.])[-+]?\d+(?:\.\d+)?(?!\w|\.\d)
        """)]
    private static partial Regex Argument();

    [GeneratedRegex(@"[^\p{L}\p{Nd}]+")]
    private static partial Regex NotAWordCharacter();

    public static string For(ScenarioStep step)
    {
        var keyword = step.Type == StepType.Unknown ? StepType.Given : step.Type;
        var expression = new StringBuilder();
        var methodName = new StringBuilder(keyword.ToString());
        var parameters = new List<string>();
        var literalStart = 0;
        foreach (Match argument in Argument().Matches(step.Text))
        {
            AppendLiteral(step.Text[literalStart..argument.Index], expression, methodName);
            var (placeholder, type) = argument.Value[0] is '"' or '\'' ? ("{string}", "string")
                : argument.Value.Contains('.') ? ("{float}", "double")
                : ("{int}", "int");
            expression.Append(placeholder);
            parameters.Add($"{type} p{parameters.Count}");
            literalStart = argument.Index + argument.Length;
        }

        AppendLiteral(step.Text[literalStart..], expression, methodName);
        if (step.DataTable is not null)
            parameters.Add("DataTable dataTable");
        if (step.DocString is not null)
            parameters.Add("string docString");

        return $$"""
            [{{keyword}}("{{expression}}")]
            public void {{methodName}}({{string.Join(", ", parameters)}})
            {
                throw new PendingStepException();
            }
            """;
    }

    private static void AppendLiteral(string literal, StringBuilder expression, StringBuilder methodName)
    {
        foreach (var c in literal)
        {
            // Cucumber's special characters are escaped with \, then \ and " are escaped for the C# literal.
            if (c is '(' or ')' or '{' or '}' or '/' or '\\')
                expression.Append(@"\\");
            expression.Append(c is '"' or '\\' ? "\\" + c : c.ToString());
        }

        foreach (var word in NotAWordCharacter().Split(literal).Where(word => word.Length > 0))
            methodName.Append(char.ToUpper(word[0], CultureInfo.InvariantCulture)).Append(word[1..]);
    }
}
