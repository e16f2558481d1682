namespace ConvSpecs.Bridge.Tests.Support;

/// <summary>What happened during a scenario, in order; disposable to prove the container leaves it alone when passed in.</summary>
public sealed class Journal : IDisposable
{
    public List<string> Entries { get; } = [];

    public bool IsDisposed { get; private set; }

    public void Add(string entry) => Entries.Add(entry);

    public void Dispose() => IsDisposed = true;
}
