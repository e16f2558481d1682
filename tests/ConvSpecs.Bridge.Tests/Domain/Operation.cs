namespace ConvSpecs.Bridge.Tests.Domain;

public enum Operation
{
    Add,
    Subtract,
    Multiply,
    Divide,
}
