using ConvSpecs.Bridge;
using ConvSpecs.Grader.Worker;

namespace ConvSpecs.Grader.Grading;

/// <summary>How one scenario ended for one student.</summary>
public enum ScenarioStatus
{
    Passed,

    /// <summary>It ran and a step failed: the specification's verdict.</summary>
    Failed,

    /// <summary>The student's process hung, crashed or was killed during it: the grader's verdict.</summary>
    Interrupted,

    /// <summary>It never ran: the submission does not compile, or too many scenarios before it were interrupted.</summary>
    NotRun,
}

/// <summary>One scenario's verdict: the grader's, whatever the student's process said or did.</summary>
/// <param name="Number">"2.1": the variant, then the scenario's position among the variant's.</param>
/// <param name="Message">Why it did not pass: the failing step and error, or what happened to the process.</param>
/// <param name="Steps">Every step and its outcome, as the worker reported them (empty when it did not finish).</param>
public sealed record ScenarioVerdict(string Number, Scenario Scenario, ScenarioStatus Status, string? Message, IReadOnlyList<StepLine> Steps, MeasuredEvidence Evidence)
{
    public bool Passed => Status == ScenarioStatus.Passed;

    /// <summary>"Variant 2: Output is (64, 16, 16)".</summary>
    public string Name => $"{Scenario.FeatureName}: {Scenario.Name}";
}
