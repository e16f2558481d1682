using Xunit;

[assembly: AssemblyFixture(typeof(ConvSpecs.Suite.ReqnrollTestRun))]

namespace ConvSpecs.Suite;

/// <summary>
/// Reqnroll's test run spans the test application, as the fixture its generator writes does: started before the first
/// scenario, ended after the last, when its formatters write the Cucumber messages and the HTML report.
/// </summary>
public sealed class ReqnrollTestRun : IAsyncLifetime
{
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await Specification.Suite.EndRunAsync();
}
