using System.Globalization;
using System.Text;

namespace ConvSpecs.Drivers;

/// <summary>
/// A torchinfo-style summary: each layer with parameters, its output shape and parameter count. Every parameter
/// counts, frozen ones too (the assignment limits parameters, not trainable ones); the frozen are marked.
/// </summary>
public sealed record ParameterTable(IReadOnlyList<ParameterTable.Row> Rows, long Total, long Frozen)
{
    public sealed record Row(string Layer, string Type, string OutputShape, long Parameters, long Frozen);

    /// <summary>Counts the parameters each module owns itself (a Parameter field of the model is a row too); the total is over the whole model.</summary>
    public static ParameterTable Of(LoadedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Registration.Ensure(model);
        var rows = model.Module.named_modules().Prepend(("", model.Module))
            .DistinctBy(named => named.Item2, ReferenceEqualityComparer.Instance)
            .Select(named => new Row(named.Item1.Length == 0 ? "(model)" : named.Item1, LayerKinds.KindOf(named.Item2),
                model.Trace.Runs.FirstOrDefault(run => ReferenceEquals(run.Module, named.Item2)) is { } run ? Shape.Format(run.OutputShape) : "not run",
                named.Item2.parameters(recurse: false).Sum(p => p.numel()),
                named.Item2.parameters(recurse: false).Where(p => !p.requires_grad).Sum(p => p.numel())))
            .Where(row => row.Parameters > 0)
            .ToList();
        var all = model.Module.parameters().ToList();
        return new ParameterTable(rows, all.Sum(p => p.numel()), all.Where(p => !p.requires_grad).Sum(p => p.numel()));
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder()
            .AppendLine("| Layer (type) | Output shape | Param # | Frozen |")
            .AppendLine("| --- | --- | ---: | ---: |");
        foreach (var row in Rows)
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Layer} ({row.Type}) | {row.OutputShape} | {row.Parameters:N0} | {(row.Frozen == 0 ? "" : $"{row.Frozen:N0} frozen")} |");
        text.Append(CultureInfo.InvariantCulture, $"| **Total** | | **{Total:N0}** | {(Frozen == 0 ? "" : $"**{Frozen:N0} frozen**")} |");
        return text.ToString();
    }
}
