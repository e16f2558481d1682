using System.Text.RegularExpressions;
using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;
using Messages = Io.Cucumber.Messages.Types;
using StepKeywordType = Io.Cucumber.Messages.Types.StepKeywordType;

namespace ConvSpecs.Bridge;

/// <summary>
/// The *.feature files below a directory compiled to pickles, as Cucumber does (Gherkin's parser and pickle compiler):
/// Background, Rule, Scenario Outline, tag inheritance and every <c># language:</c> come from there.
/// </summary>
internal static partial class FeatureCatalog
{
    // The parser puts "(line:column): " before its messages; FeatureError carries those separately.
    [GeneratedRegex(@"^\(\d+:\d+\): ")]
    private static partial Regex LocationPrefix();

    public static (IReadOnlyList<Scenario> Scenarios, IReadOnlyList<FeatureError> Errors) Load(string directory)
    {
        var scenarios = new List<Scenario>();
        var errors = new List<FeatureError>();
        var folderName = System.IO.Path.GetFileName(directory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
        var files = Directory.EnumerateFiles(directory, "*.feature", SearchOption.AllDirectories)
            .Select(path => System.IO.Path.GetRelativePath(directory, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            try
            {
                scenarios.AddRange(Compile(new FeatureFile(folderName, file, File.ReadAllText(System.IO.Path.Combine(directory, file)))));
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

    private static List<Scenario> Compile(FeatureFile file)
    {
        var ids = new IncrementingIdGenerator();
        var document = file.Parse(ids);
        if (document.Feature is not { } feature)
            return [];

        // Pickles name their AST nodes by id: the keyword and line of a step, the rule, the description and the own
        // tags of a scenario live there.
        var steps = new Dictionary<string, Step>();
        var scenarios = new Dictionary<string, (Messages.Scenario Scenario, Rule? Rule)>();
        foreach (var child in feature.Children)
        {
            Index(child.Background, child.Scenario, null, steps, scenarios);
            foreach (var ruleChild in child.Rule?.Children ?? [])
                Index(ruleChild.Background, ruleChild.Scenario, child.Rule, steps, scenarios);
        }

        var description = string.Join('\n', feature.Description.Split('\n').Select(line => line.Trim())).Trim();
        return [.. new PickleCompiler(ids).Compile(document).Select((pickle, index) =>
        {
            var (scenario, rule) = scenarios[pickle.AstNodeIds[0]];
            var inherited = TagNames(feature.Tags).Concat(TagNames(rule?.Tags)).ToList();
            return new Scenario(
                feature.Name,
                description,
                rule?.Name,
                pickle.Name,
                InnermostLast(pickle.Tags.Select(tag => tag.Name.TrimStart('@'))),
                [.. pickle.Steps.Select(step => ToStep(file.Path, steps[step.AstNodeIds[0]], step))],
                file.Path,
                Line(scenario, pickle))
            {
                Feature = file,
                Origin = new PickleOrigin(
                    index,
                    scenario.Description,
                    [.. pickle.Tags.Select(tag => tag.Name.TrimStart('@')).Skip(inherited.Count)],
                    inherited,
                    rule is null ? null : (rule.Name, rule.Description, TagNames(rule.Tags).ToList()),
                    OutlineArguments(scenario, pickle)),
            };
        })];
    }

    private static IEnumerable<string> TagNames(IEnumerable<Tag>? tags) => (tags ?? []).Select(tag => tag.Name.TrimStart('@'));

    // Pickles list the feature's tags, then the rule's, the scenario's and the examples'. A tag repeated at several
    // levels is kept where it occurs last, so the innermost @points:N stays last and wins over an outer, different one.
    private static List<string> InnermostLast(IEnumerable<string> tags) => [.. tags.Reverse().Distinct().Reverse()];

    private static void Index(Background? background, Messages.Scenario? scenario, Rule? rule, Dictionary<string, Step> steps,
        Dictionary<string, (Messages.Scenario, Rule?)> scenarios)
    {
        foreach (var step in (background?.Steps ?? []).Concat(scenario?.Steps ?? []))
            steps[step.Id] = step;
        if (scenario is not null)
            scenarios[scenario.Id] = (scenario, rule);
    }

    // Gherkin 35's pickles carry no location: a scenario's is its own line, an outline row's the row's.
    private static int Line(Messages.Scenario scenario, Pickle pickle) =>
        (int)(pickle.AstNodeIds.Count > 1
            ? scenario.Examples.SelectMany(examples => examples.TableBody).First(row => row.Id == pickle.AstNodeIds[1]).Location.Line
            : scenario.Location.Line);

    // An outline's pickle names its Examples row second; Reqnroll shows the row's values as the scenario's arguments.
    private static List<KeyValuePair<string, string>> OutlineArguments(Messages.Scenario scenario, Pickle pickle)
    {
        if (pickle.AstNodeIds.Count < 2) return [];
        foreach (var examples in scenario.Examples)
            if (examples.TableBody.FirstOrDefault(row => row.Id == pickle.AstNodeIds[1]) is { } row)
                return [.. examples.TableHeader.Cells.Zip(row.Cells, (name, value) => KeyValuePair.Create(name.Value, value.Value))];
        return [];
    }

    private static ScenarioStep ToStep(string file, Step source, PickleStep step) => new(
        source.Keyword.Trim(),
        source.KeywordType,
        step.Text,
        file,
        (int)source.Location.Line,
        step.Argument?.DataTable is { } table
            ? [.. table.Rows.Select(row => (IReadOnlyList<string>)[.. row.Cells.Select(cell => cell.Value)])]
            : null,
        step.Argument?.DocString?.Content);

    private static FeatureError ToError(string file, ParserException error) => new(
        file,
        error.Location?.Line ?? 0,
        error.Location?.Column ?? 0,
        LocationPrefix().Replace(error.Message, ""));
}
