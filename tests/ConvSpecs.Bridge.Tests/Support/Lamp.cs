namespace ConvSpecs.Bridge.Tests.Support;

public sealed class Lamp : IAsyncDisposable
{
    private readonly Journal journal;

    public Lamp(Journal journal)
    {
        this.journal = journal;
        journal.Add("create Lamp");
    }

    public ValueTask DisposeAsync()
    {
        journal.Add("dispose Lamp");
        return ValueTask.CompletedTask;
    }
}
