using System.Globalization;
using System.Text;

namespace ConvSpecs.Drivers;

/// <summary>A torchinfo-style summary: each leaf layer with parameters, its output shape and parameter count.</summary>
public sealed record ParameterTable(IReadOnlyList<ParameterTable.Row> Rows, long Total)
{
    public sealed record Row(string Layer, string Type, string OutputShape, long Parameters);

    /// <summary>Counts trainable parameters per leaf layer; the total is over the whole model.</summary>
    public static ParameterTable Of(LoadedModel model)
    {
        var rows = model.Trace.Registered
            .Select(layer => new Row(layer.Name, layer.Module.GetType().Name,
                model.Trace.Runs.FirstOrDefault(run => ReferenceEquals(run.Module, layer.Module)) is { } run ? Shape.Format(run.OutputShape) : "not run",
                layer.Module.parameters(recurse: false).Where(p => p.requires_grad).Sum(p => p.numel())))
            .Where(row => row.Parameters > 0)
            .ToList();
        return new ParameterTable(rows, model.Module.parameters().Where(p => p.requires_grad).Sum(p => p.numel()));
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder()
            .AppendLine("| Layer (type) | Output shape | Param # |")
            .AppendLine("| --- | --- | ---: |");
        foreach (var row in Rows)
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Layer} ({row.Type}) | {row.OutputShape} | {row.Parameters:N0} |");
        text.Append(CultureInfo.InvariantCulture, $"| **Total trainable** | | **{Total:N0}** |");
        return text.ToString();
    }
}
