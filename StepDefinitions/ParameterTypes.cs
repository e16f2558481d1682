using System.ComponentModel;
using Reqnroll;
using ConvSpecs.Drivers;

namespace ConvSpecs.StepDefinitions;

// Reqnroll hands a transformation its regex's capture groups, not the whole match: each regex is one group.
[Binding]
[Description("The domain's parameter types.")]
public sealed class ParameterTypes
{
    [StepArgumentTransformation(@"(\((?:\s*(?:\d+|[A-Za-z]+)\s*,)*\s*(?:\d+|[A-Za-z]+)\s*\))", Name = "shape")]
    [Description("A tensor shape such as (64, 16, 16); a letter such as B stands for the batch size of the run.")]
    public static Shape ToShape(string text) => Shape.Parse(text);

    [StepArgumentTransformation(@"([A-Z][A-Za-z0-9]*(?: or [A-Z][A-Za-z0-9]*)*)", Name = "layer")]
    [Description("One or more TorchSharp layer types, as named in the assignment: Conv2d, ReLU, MaxPool2d, AdaptiveAvgPool2d, \"Conv2d or Linear\".")]
    public static LayerKinds ToLayers(string text) => LayerKinds.Parse(text);

    [StepArgumentTransformation(@"(\d+(?: \d{3})*)", Name = "count")]
    [Description("A whole number that may group its thousands with spaces: 50 000.")]
    public static long ToCount(string text) => long.Parse(text.Replace(" ", ""), System.Globalization.CultureInfo.InvariantCulture);

    [StepArgumentTransformation("(L2 norm|mean absolute value)", Name = "measure")]
    [Description("How a gradient tensor is summarised: its L2 norm, or the mean of its absolute values.")]
    public static string ToMeasure(string text) => text;
}
