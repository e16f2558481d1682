using System.ComponentModel;
using System.Reflection;

namespace ConvSpecs.Bridge;

/// <summary>One [Given]/[When]/[Then] attribute on one method.</summary>
internal sealed record StepBinding(StepType Type, StepPattern Pattern, MethodInfo Method)
{
    /// <summary>What the step means, from [Description] on the method.</summary>
    public string Meaning => Method.GetCustomAttribute<DescriptionAttribute>()?.Description ?? "";

    /// <summary>The arguments when the binding accepts the step, otherwise null.</summary>
    public IReadOnlyList<CapturedArgument>? Match(ScenarioStep step) =>
        step.Type == StepType.Unknown || step.Type == Type ? Pattern.Match(step.Text) : null;

    public override string ToString() => $"{Method.ShortName()} [{Type}(\"{Pattern.Source}\")]";
}
