using System.Reflection;

namespace ConvSpecs.Bridge;

internal static class MethodNames
{
    /// <summary><c>Class.Method</c>, as messages and the glossary name a binding.</summary>
    public static string ShortName(this MethodInfo method) => $"{method.DeclaringType?.Name}.{method.Name}";
}
