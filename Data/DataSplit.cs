namespace ConvSpecs.Data;

/// <summary>Which part of a dataset to read; not every source has every split.</summary>
public enum DataSplit
{
    Train,
    Validation,
    Test,
}
