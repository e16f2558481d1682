using ConvSpecs.Drivers;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace ConvSpecs.Reports;

/// <summary>The experiments' plots, one method each, as in ScottPlot's cookbook.</summary>
public static class Plots
{
    /// <summary>Variant 1: the activations after global average pooling, model and control overlaid, with their variance ratio.</summary>
    public static Plot GapActivationHistogram(double[] model, double[] control, string modelLabel, string controlLabel)
    {
        // one range of bins for both, so the two distributions are comparable bar for bar
        var all = model.Concat(control).ToArray();
        var plot = new Plot();
        var modelBins = ScottPlot.Statistics.Histogram.WithBinCount(50, all.Min(), all.Max());
        modelBins.AddRange(model);
        var controlBins = ScottPlot.Statistics.Histogram.WithBinCount(50, all.Min(), all.Max());
        controlBins.AddRange(control);

        // half-transparent bars, the control first so the model's wider spread stays visible
        plot.Add.Histogram(controlBins, Colors.Gray.WithAlpha(0.6));
        plot.Add.Histogram(modelBins, Colors.OrangeRed.WithAlpha(0.5));
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{controlLabel}, variance {Variance(control):G3}", FillColor = Colors.Gray });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{modelLabel}, variance {Variance(model):G3}", FillColor = Colors.OrangeRed });

        // the ratio the experiment is about, in the title where no bar can hide it
        plot.Title($"Activations after global average pooling\nvariance ratio {modelLabel} / {controlLabel} = {Variance(model) / Variance(control):F3}×");
        plot.XLabel("activation after global average pooling");
        plot.YLabel("count (channels × samples)");
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>Variant 2: the padding=0 and padding=1 outputs, each bar labelled with its shape and positions per channel.</summary>
    public static Plot PaddingMeanActivations(string[] labels, string[] shapes, double[] means)
    {
        // positions per channel: the product of the dimensions after (batch, channels)
        var positions = shapes.Select(shape => Shape.Parse(shape).Dimensions.Skip(2).Aggregate(1L, (a, b) => a * long.Parse(b, System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        var plot = new Plot();
        var bars = plot.Add.Bars(means);
        for (var i = 0; i < means.Length; i++) bars.Bars[i].Label = $"{means[i]:G4}";

        // the output sizes the assignment asks to compare, under each bar
        var ticks = labels.Select((label, i) => $"{label}\noutput {shapes[i]}\n{positions[i]:N0} positions per channel").ToArray();
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, labels.Length).Select(i => (double)i).ToArray(), ticks);
        plot.Axes.Bottom.MinimumSize = 70;
        plot.Axes.Margins(bottom: 0, top: 0.15);
        var lost = positions.Length == 2 && positions[1] > 0
            ? $"\n{positions[1] - positions[0]:N0} of {positions[1]:N0} positions per channel ({100.0 * (positions[1] - positions[0]) / positions[1]:F1} %) lost at the border with padding=0"
            : "";
        plot.Title($"Output size and mean activation, padding=0 vs padding=1{lost}");
        plot.XLabel("the model's output (batch, channels, height, width)");
        plot.YLabel("mean activation of the output");
        return plot;
    }

    /// <summary>Variant 3: trainable parameters per layer against the limit.</summary>
    public static Plot ParametersPerLayer(string[] layers, double[] parameters, double limit)
    {
        var plot = new Plot();
        plot.Add.Bars(parameters);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, layers.Length).Select(i => (double)i).ToArray(), [.. layers.Select(LayerNames.Readable)]);

        // the limit as a dashed line, and the running total so the reader sees how close it gets
        var line = plot.Add.HorizontalLine(limit, 2, Colors.Red, LinePattern.Dashed);
        line.LegendText = $"limit {limit:N0}";
        var total = plot.Add.HorizontalLine(parameters.Sum(), 2, Colors.Green);
        total.LegendText = $"total {parameters.Sum():N0}";

        plot.Axes.Margins(bottom: 0);
        plot.Title("Trainable parameters per layer");
        plot.XLabel("layer with parameters, as named in the model");
        plot.YLabel("trainable parameters");

        // beside the chart, not on it: the bars can reach any corner
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>Variant 5: the weight gradient of each Conv2d on a log scale, two measures side by side.</summary>
    public static Plot GradientsPerLayer(string[] layers, double[] l2Norms, double[] meanAbsolutes)
    {
        // bars of log10 values hanging from a common floor, with ticks labelled as powers of ten
        var logs = l2Norms.Concat(meanAbsolutes).Select(Math.Log10).ToArray();
        var floor = Math.Floor(logs.Min()) - 1;
        var plot = new Plot();
        var bars = new List<Bar>();
        for (var i = 0; i < layers.Length; i++)
        {
            bars.Add(new Bar { Position = 3 * i, Value = Math.Log10(l2Norms[i]), ValueBase = floor, FillColor = Colors.SteelBlue });
            bars.Add(new Bar { Position = 3 * i + 1, Value = Math.Log10(meanAbsolutes[i]), ValueBase = floor, FillColor = Colors.Orange });
        }
        plot.Add.Bars(bars);

        // a legend for the two colours, ticks under each pair
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "L2 norm", FillColor = Colors.SteelBlue });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "mean absolute value", FillColor = Colors.Orange });
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, layers.Length).Select(i => 3.0 * i + 0.5).ToArray(), [.. layers.Select(LayerNames.Readable)]);
        plot.Axes.Left.TickGenerator = new NumericAutomatic
        {
            IntegerTicksOnly = true,
            MinorTickGenerator = new LogMinorTickGenerator(),
            LabelFormatter = y => $"1e{y:0}",
        };

        plot.Title("Weight gradient per Conv2d (log scale)");
        plot.XLabel("Conv2d, in the order it runs, as named in the model");
        plot.YLabel("weight gradient (log scale)");

        // beside the chart, not on it: the bars can reach any corner
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>Variant 6: one sample's feature maps after a layer, tiled into a grid, on the colour scale shared with the layers it is compared with.</summary>
    public static Plot FeatureMaps(FeatureMaps maps, double scaleMin, double scaleMax, string scaleNote)
    {
        ArgumentNullException.ThrowIfNull(maps);
        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(maps.Tiled);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.ManualRange = new ScottPlot.Range(scaleMin, scaleMax > scaleMin ? scaleMax : scaleMin + 1);
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = "activation";

        // maps are images: square pixels, no axes to read; what is shown, and how much of it, is said in words
        plot.Axes.SquareUnits();
        plot.HideAxesAndGrid();
        var channels = maps.Shown == maps.Channels ? $"all {maps.Channels} channels" : $"{maps.Shown} of {maps.Channels} channels";
        plot.Title($"After {maps.Pooling}: output {maps.Shape}, mean {maps.Mean:G3}\n" +
                   $"sample 1, {channels}, {maps.Height}×{maps.Width} each\n" +
                   $"colour scale {scaleMin:G3} … {scaleMax:G3}{(scaleNote.Length == 0 ? "" : $", {scaleNote}")}", size: 14);

        // room for the three title lines and the colour bar's end labels
        plot.Layout.Fixed(new PixelPadding(20, 110, 20, 90));
        return plot;
    }

    /// <summary>Training: the mean training loss per epoch, one line per model, with the loss of guessing.</summary>
    public static Plot TrainingLossPerEpoch(double[] epochs, IReadOnlyList<(string Model, double[] Loss)> models)
    {
        var plot = new Plot();
        foreach (var (model, loss) in models)
            plot.Add.Scatter(epochs, loss).LegendText = model;

        // ln 10: the loss of a model that spreads its belief evenly over 10 classes
        var guessing = plot.Add.HorizontalLine(Math.Log(10), 1, Colors.Gray, LinePattern.Dashed);
        guessing.LegendText = "ln 10 (guessing)";

        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.SetLimitsY(0, Math.Max(Math.Log(10), models.Max(model => model.Loss.Max())) * 1.05);
        plot.Title("Mean training loss per epoch");
        plot.XLabel("epoch");
        plot.YLabel("cross-entropy");

        // beside the chart, not on it: the curves can fill every corner
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>Variant 4: the variance of the activations entering the final Linear per epoch, one line per model.</summary>
    public static Plot FinalLinearVariancePerEpoch(double[] epochs, IReadOnlyList<(string Model, double[] Variance)> models)
    {
        var plot = new Plot();
        foreach (var (model, variance) in models)
            plot.Add.Scatter(epochs, variance).LegendText = model;

        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.SetLimitsY(0, models.Max(model => model.Variance.Max()) * 1.1);
        // the comparison the experiment reports: the first model's variance over the second's after the last epoch
        var ratio = models.Count == 2 ? $"\n{models[0].Model} / {models[1].Model} after epoch {epochs.Length}: {models[0].Variance[^1] / models[1].Variance[^1]:G3}×" : "";
        plot.Title($"Variance of the activations entering the final Linear{ratio}");
        plot.XLabel("epoch");
        plot.YLabel("variance per feature, mean over features");

        // beside the chart, not on it: the curves can fill every corner
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>The pooling task: training (dashed) and validation (solid) accuracy per epoch, one colour per model.</summary>
    public static Plot AccuracyPerEpoch(double[] epochs, IReadOnlyList<(string Model, double[] Training, double[] Validation)> models)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < models.Count; i++)
        {
            var (model, training, validation) = models[i];
            var solid = plot.Add.Scatter(epochs, validation.Select(value => 100 * value).ToArray(), palette.GetColor(i));
            solid.LegendText = $"{model}, validation";
            var dashed = plot.Add.Scatter(epochs, training.Select(value => 100 * value).ToArray(), palette.GetColor(i));
            dashed.LegendText = $"{model}, training";
            dashed.LinePattern = LinePattern.Dashed;
        }

        // chance is one class in ten
        var chance = plot.Add.HorizontalLine(10, 1, Colors.Gray, LinePattern.Dotted);
        chance.LegendText = "chance";

        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.SetLimitsY(0, 100);
        plot.Title("Accuracy per epoch");
        plot.XLabel("epoch");
        plot.YLabel("accuracy (%)");

        // beside the chart, not on it: the curves can fill every corner
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    private static double Variance(double[] values)
    {
        var mean = values.Average();
        return values.Sum(value => (value - mean) * (value - mean)) / values.Length;
    }
}
