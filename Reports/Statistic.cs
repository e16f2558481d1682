using System.Globalization;

namespace ConvSpecs.Reports;

/// <summary>One measured value of a scenario: what it is, its value as text, its unit.</summary>
public sealed record Statistic(string Name, string Value, string Unit)
{
    public static Statistic Of(string name, double value, string unit = "") =>
        new(name, value.ToString("G6", CultureInfo.InvariantCulture), unit);
}
