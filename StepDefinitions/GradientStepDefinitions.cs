using System.ComponentModel;
using Reqnroll;
using ConvSpecs.Drivers;
using ConvSpecs.Reports;

namespace ConvSpecs.StepDefinitions;

[Binding]
[Description("Weight gradients after one backward pass.")]
public sealed class GradientStepDefinitions(ModelContext context, ScenarioEvidence evidence)
{
    private IReadOnlyList<GradientProbe.Row>? rows;

    [When("one backward pass of an MSE loss against a random target runs on a random batch of {int}")]
    [Description("Seeded random input and target of the output's shape; the loss is their mean squared error; gradients of every Conv2d weight are kept.")]
    public void WhenOneBackwardPassRuns(int batch)
    {
        rows = GradientProbe.Measure(context, batch);
        foreach (var row in rows)
        {
            evidence.Record($"{row.Layer}: gradient L2 norm", row.L2Norm);
            evidence.Record($"{row.Layer}: gradient mean absolute value", row.MeanAbsolute);
            evidence.Record($"{row.Layer}: fan-in", row.FanIn, "inputs per output");
            evidence.Record($"{row.Layer}: weights", row.Weights, "weights");
            evidence.Record($"{row.Layer}: input RMS", row.InputRms);
        }
    }

    [Then("the {measure} of the first Conv2d's weight gradient is smaller than the last Conv2d's")]
    [Description("Compares the first and the last Conv2d in execution order by the named measure; both measures are reported.")]
    public void ThenTheFirstGradientIsSmaller(string measure)
    {
        var (first, last) = (Rows[0], Rows[^1]);
        var ratio = GradientProbe.Value(first, measure) / GradientProbe.Value(last, measure);
        evidence.Record($"first / last, L2 norm", first.L2Norm / last.L2Norm, "×");
        evidence.Record($"first / last, mean absolute value", first.MeanAbsolute / last.MeanAbsolute, "×");
        Require.That(Rows.Count > 1, $"A first and a last Conv2d are needed to compare their gradients; {Rows.Count} ran.");
        Require.That(ratio < 1, () => $"The {measure} of the first Conv2d's weight gradient ('{first.Layer}') must be smaller than the last's ('{last.Layer}'); " +
                                      $"measured {GradientProbe.Value(first, measure):G4} against {GradientProbe.Value(last, measure):G4}. " +
                                      $"Per weight (mean absolute value) they are {first.MeanAbsolute:G4} and {last.MeanAbsolute:G4}.");
    }

    [Then("a bar chart shows the weight gradient of every Conv2d on a log scale")]
    [Description("Draws both measures per Conv2d; the recorded fan-in, weight count and input scale explain the differences.")]
    public void ThenTheGradientsAreCharted()
    {
        evidence.AddPlot("gradients-per-layer", Plots.GradientsPerLayer(
            Rows.Select(row => row.Layer).ToArray(), Rows.Select(row => row.L2Norm).ToArray(), Rows.Select(row => row.MeanAbsolute).ToArray()));
        var without = Rows.Where(row => !(row.L2Norm > 0 && double.IsFinite(row.L2Norm))).Select(row => row.Layer).ToList();
        Require.That(without.Count == 0, () => $"Every Conv2d must receive a finite, non-zero gradient; {string.Join(", ", without)} did not: is its output used?");
    }

    private IReadOnlyList<GradientProbe.Row> Rows => rows ?? throw new InvalidOperationException("No gradients yet: the backward-pass step must come first.");
}
