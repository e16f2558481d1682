using System.Globalization;
using Reqnroll.BindingSkeletons;

namespace ConvSpecs.Bridge;

/// <summary>
/// Reqnroll's analyzer remembers every parameter name it ever gave, so the same undefined step got "red" the first
/// time and "red1" after: a snippet depended on what ran before it. A fresh analyzer per step keeps names unique
/// within the step and the same every time.
/// </summary>
internal sealed class StepTextAnalyzerPerStep : IStepTextAnalyzer
{
    public AnalyzedStepText Analyze(string stepText, CultureInfo bindingCulture) => new StepTextAnalyzer().Analyze(stepText, bindingCulture);
}
