using System.Text.RegularExpressions;
using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;
using Messages = Io.Cucumber.Messages.Types;

namespace ConvSpecs.Bridge;

/// <summary>Parses the *.feature files below a directory and compiles them to pickles, as Cucumber does.</summary>
internal static partial class FeatureLoader
{
    // The parser puts "(line:column): " before its messages; FeatureError carries those separately.
    [GeneratedRegex(@"^\(\d+:\d+\): ")]
    private static partial Regex LocationPrefix();

    public static (IReadOnlyList<Scenario> Scenarios, IReadOnlyList<FeatureError> Errors) Load(string directory)
    {
        var scenarios = new List<Scenario>();
        var errors = new List<FeatureError>();
        var files = Directory.EnumerateFiles(directory, "*.feature", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(directory, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            try
            {
                scenarios.AddRange(Compile(file, File.ReadAllText(Path.Combine(directory, file))));
            }
            catch (CompositeParserException e)
            {
                errors.AddRange(e.Errors.Select(error => ToError(file, error)));
            }
            catch (ParserException e)
            {
                errors.Add(ToError(file, e));
            }
        }

        return (scenarios, errors);
    }

    private static List<Scenario> Compile(string file, string text)
    {
        var ids = new IncrementingIdGenerator();
        var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(new Parser().Parse(new StringReader(text)), file);
        if (document.Feature is not { } feature)
            return [];

        // Pickles name their AST nodes by id; the keyword and line of a step, and the rule of a scenario, live there.
        var steps = new Dictionary<string, Step>();
        var ruleOfScenario = new Dictionary<string, string>();
        foreach (var child in feature.Children)
        {
            Index(child.Background, child.Scenario, steps);
            foreach (var ruleChild in child.Rule?.Children ?? [])
            {
                Index(ruleChild.Background, ruleChild.Scenario, steps);
                if (ruleChild.Scenario is not null)
                    ruleOfScenario[ruleChild.Scenario.Id] = child.Rule!.Name;
            }
        }

        var description = string.Join('\n', feature.Description.Split('\n').Select(line => line.Trim())).Trim();
        return [.. new PickleCompiler(ids).Compile(document).Select(pickle => new Scenario(
            feature.Name,
            description,
            ruleOfScenario.GetValueOrDefault(pickle.AstNodeIds[0]),
            pickle.Name,
            InnermostLast(pickle.Tags.Select(tag => tag.Name.TrimStart('@'))),
            [.. pickle.Steps.Select(step => ToStep(file, steps[step.AstNodeIds[0]], step))],
            file,
            (int)pickle.Location.Line))];
    }

    // Pickles list the feature's tags, then the rule's, the scenario's and the examples'. A tag repeated at several
    // levels is kept where it occurs last, so the innermost @points:N stays last and wins over an outer, different one.
    private static List<string> InnermostLast(IEnumerable<string> tags) => [.. tags.Reverse().Distinct().Reverse()];

    private static void Index(Background? background, Messages.Scenario? scenario, Dictionary<string, Step> steps)
    {
        foreach (var step in (background?.Steps ?? []).Concat(scenario?.Steps ?? []))
            steps[step.Id] = step;
    }

    private static ScenarioStep ToStep(string file, Step source, PickleStep step) => new(
        source.Keyword.Trim(),
        step.Type switch
        {
            PickleStepType.CONTEXT => StepType.Given,
            PickleStepType.ACTION => StepType.When,
            PickleStepType.OUTCOME => StepType.Then,
            _ => StepType.Unknown,
        },
        step.Text,
        file,
        (int)source.Location.Line,
        step.Argument?.DataTable is { } table
            ? new DataTable([.. table.Rows.Select(row => (IReadOnlyList<string>)[.. row.Cells.Select(cell => cell.Value)])])
            : null,
        step.Argument?.DocString?.Content);

    private static FeatureError ToError(string file, ParserException error) => new(
        file,
        error.Location?.Line ?? 0,
        error.Location?.Column ?? 0,
        LocationPrefix().Replace(error.Message, ""));
}
