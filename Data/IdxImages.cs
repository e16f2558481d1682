namespace ConvSpecs.Data;

/// <summary>The contents of an IDX images file: <paramref name="Count"/> images of Rows×Columns bytes, row-major.</summary>
public sealed record IdxImages(int Count, int Rows, int Columns, byte[] Pixels);
