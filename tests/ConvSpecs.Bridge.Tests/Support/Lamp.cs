namespace ConvSpecs.Bridge.Tests.Support;

public sealed class Lamp : IDisposable
{
    private readonly Journal journal;

    public Lamp(Journal journal)
    {
        this.journal = journal;
        journal.Add("create Lamp");
    }

    public void Dispose() => journal.Add("dispose Lamp");
}
