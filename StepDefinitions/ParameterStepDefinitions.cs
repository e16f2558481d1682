using System.ComponentModel;
using Reqnroll;
using ConvSpecs.Drivers;
using ConvSpecs.Reports;

namespace ConvSpecs.StepDefinitions;

[Binding]
[Description("Parameters, per layer and in total, frozen ones included.")]
public sealed class ParameterStepDefinitions(ModelContext context, ScenarioEvidence evidence)
{
    [Then("the model has at most {count} parameters")]
    [Description("Sums every parameter over the whole model, frozen ones (requires_grad = false) too: the assignment limits parameters; the per-layer table is attached.")]
    public void ThenAtMostParameters(long limit)
    {
        var table = Table();
        Require.That(table.Total <= limit, () => $"The model may have at most {limit:N0} parameters; it has {table.Total:N0}" +
                                                 (table.Frozen > 0 ? $", of which {table.Frozen:N0} are frozen (frozen parameters are parameters too)" : "") +
                                                 ". Use fewer or smaller layers: a 1x1 convolution that reduces the channels is the cheap way.");
    }

    [Then("a bar chart shows the parameters of every layer against the limit of {count}")]
    [Description("Draws the trainable parameters of each layer with the limit and the total as lines.")]
    public void ThenParametersAreCharted(long limit)
    {
        var table = Table();
        evidence.AddPlot("parameters-per-layer", Plots.ParametersPerLayer(
            table.Rows.Select(row => row.Layer).ToArray(), table.Rows.Select(row => (double)row.Parameters).ToArray(), limit));
        Require.That(table.Rows.Sum(row => row.Parameters) == table.Total, () => $"Every parameter must belong to a layer of the table; the rows hold {table.Rows.Sum(row => row.Parameters):N0} of {table.Total:N0}.");
    }

    private ParameterTable Table()
    {
        var table = ParameterTable.Of(context.Model);
        evidence.Record("parameters", table.Total, "parameters");
        evidence.Record("frozen parameters (requires_grad = false)", table.Frozen, "parameters");
        evidence.AddTable("Parameters per layer", table.ToMarkdown());
        return table;
    }
}
