namespace ConvSpecs.Bridge.Tests.Support;

/// <summary>Throws when disposed, as a model whose Dispose fails would.</summary>
public sealed class Fuse : IDisposable
{
    public void Dispose() => throw new InvalidOperationException("the fuse blew");
}
