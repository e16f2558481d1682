namespace ConvSpecs.Bridge.Tests.Support;

public sealed class Workbench : IDisposable
{
    private readonly Journal journal;

    public Workbench(Journal journal)
    {
        this.journal = journal;
        journal.Add("create Workbench");
    }

    public void Dispose() => journal.Add("dispose Workbench");
}
