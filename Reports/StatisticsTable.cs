namespace ConvSpecs.Reports;

/// <summary>Renders statistics as a markdown table that also reads well as plain test output.</summary>
public static class StatisticsTable
{
    public static string Render(IReadOnlyList<Statistic> statistics)
    {
        var nameWidth = Math.Max("statistic".Length, statistics.Select(s => s.Name.Length).DefaultIfEmpty().Max());
        var valueWidth = Math.Max("value".Length, statistics.Select(s => s.Value.Length).DefaultIfEmpty().Max());
        var lines = new List<string>
        {
            $"| {"statistic".PadRight(nameWidth)} | {"value".PadLeft(valueWidth)} | unit |",
            $"| {new string('-', nameWidth)} | {new string('-', valueWidth)}:| ---- |",
        };
        lines.AddRange(statistics.Select(s => $"| {s.Name.PadRight(nameWidth)} | {s.Value.PadLeft(valueWidth)} | {s.Unit} |"));
        return string.Join(Environment.NewLine, lines);
    }
}
