namespace ConvSpecs.Bridge;

/// <summary>Marks a class whose public methods are step definitions, hooks or step argument transformations.</summary>
/// <remarks>One instance per scenario is created on first use; its constructor may ask for other objects of the scenario.</remarks>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BindingAttribute : Attribute;
