using System.ComponentModel;
using ConvSpecs.Bridge;
using ConvSpecs.Drivers;
using ConvSpecs.Reports;
using FluentAssertions;

namespace ConvSpecs.StepDefinitions;

[Binding]
[Description("Trainable parameters, per layer and in total.")]
public sealed class ParameterStepDefinitions(ModelContext context, ScenarioEvidence evidence)
{
    [Then("the model has at most {count} trainable parameters")]
    [Description("Sums every parameter with requires_grad over the whole model; the per-layer table is attached.")]
    public void ThenAtMostParameters(long limit)
    {
        var table = Table();
        table.Total.Should().BeLessThanOrEqualTo(limit, $"the model may have at most {limit:N0} trainable parameters (measured {table.Total:N0})");
    }

    [Then("a bar chart shows the parameters of every layer against the limit of {count}")]
    [Description("Draws the trainable parameters of each layer with the limit and the total as lines.")]
    public void ThenParametersAreCharted(long limit)
    {
        var table = Table();
        evidence.AddPlot("parameters-per-layer", Plots.ParametersPerLayer(
            table.Rows.Select(row => row.Layer).ToArray(), table.Rows.Select(row => (double)row.Parameters).ToArray(), limit));
        table.Rows.Sum(row => row.Parameters).Should().BeLessThanOrEqualTo(table.Total, "the layers' parameters are part of the model's");
    }

    private ParameterTable Table()
    {
        var table = ParameterTable.Of(context.Model);
        evidence.Record("trainable parameters", table.Total, "parameters");
        evidence.AddTable("Parameters per layer", table.ToMarkdown());
        return table;
    }
}
