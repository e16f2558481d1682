namespace ConvSpecs.Bridge;

/// <summary>A step's data table: the first row is the header.</summary>
public sealed class DataTable
{
    private IReadOnlyList<IReadOnlyDictionary<string, string>>? rows;

    /// <summary>Creates a table from its cells, header row first.</summary>
    /// <param name="cells">The rows of cells, header first; every row as wide as the header.</param>
    public DataTable(IReadOnlyList<IReadOnlyList<string>> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count == 0)
            throw new ArgumentException("A data table has at least a header row.", nameof(cells));

        Cells = cells;
    }

    /// <summary>Every row as written, the header included.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cells { get; }

    /// <summary>The column names.</summary>
    public IReadOnlyList<string> Header => Cells[0];

    /// <summary>The rows below the header, each cell by its column name.</summary>
    /// <exception cref="InvalidOperationException">The header repeats a name; read such a table through <see cref="Cells"/>.</exception>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows => rows ??= RowsByHeader();

    private IReadOnlyList<IReadOnlyDictionary<string, string>> RowsByHeader()
    {
        // Built on first use: a table of plain values may well repeat a "header" cell and is read through Cells.
        if (Header.Distinct().Count() != Header.Count)
            throw new InvalidOperationException($"The header | {string.Join(" | ", Header)} | repeats a name; read the table through Cells.");

        return [.. Cells.Skip(1).Select(row => (IReadOnlyDictionary<string, string>)Header
            .Select((name, column) => (name, value: row[column]))
            .ToDictionary(cell => cell.name, cell => cell.value))];
    }
}
