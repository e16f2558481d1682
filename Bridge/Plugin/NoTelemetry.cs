using Reqnroll.Analytics;

namespace ConvSpecs.Bridge;

/// <summary>
/// Reqnroll sends a "project running" event at the start of every run and first writes a user id under
/// $HOME/.config/Reqnroll: neither belongs in a grader's worker (whose home is the student's scratch folder), in a
/// student's check, or in a test run without network.
/// </summary>
internal sealed class NoTelemetry : IAnalyticsRuntimeTelemetryService
{
    public void SendFeatureUseEvent(string featureName, Dictionary<string, string>? properties = null, Dictionary<string, double>? metrics = null)
    {
    }

    public void SendProjectRunningEvent()
    {
    }
}
