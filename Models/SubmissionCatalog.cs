using System.Reflection;
using static TorchSharp.torch;

namespace ConvSpecs.Models;

/// <summary>
/// Finds every [Variant] and [PoolingTask] model in an assembly and groups them into submissions: a submission is the
/// last segment of the namespace (Models/Reference → ConvSpecs.Models.Reference → "Reference").
/// A model that breaks the contract is still listed, so its own scenarios fail with the reason.
/// </summary>
public static class SubmissionCatalog
{
    public static IReadOnlyList<Submission> Discover(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var entries = new List<ModelEntry>();
        foreach (var type in assembly.GetTypes())
        {
            entries.AddRange(type.GetCustomAttributes<AssignmentModelAttribute>().Select(model => Entry(type, model, ViolationOf(type))));
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                entries.AddRange(method.GetCustomAttributes<AssignmentModelAttribute>().Select(model => Entry(method, model, ViolationOf(method))));
        }
        return entries
            .GroupBy(entry => entry.Submission)
            .Select(group => new Submission(group.Key, group.OrderBy(entry => entry.Task, StringComparer.Ordinal).ThenBy(entry => entry.Role, StringComparer.Ordinal).ToList()))
            .OrderBy(submission => submission.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static ModelEntry Entry(MemberInfo source, AssignmentModelAttribute model, string? violation)
    {
        var type = source as Type ?? source.DeclaringType!;
        var submission = type.Namespace?.Split('.')[^1] ?? "(global)";
        var role = model.Role.Length == 0 ? ModelRoles.MainRole(model.Task) : model.Role;
        var input = model.Input?.Select(size => (long)size).ToArray() ?? ModelRoles.DefaultInput(model.Task);
        if (input.Length != 3 && violation is null)
            violation = $"[Variant] on {source.Name} declares Input of {input.Length} numbers; give one sample's (C, H, W), without the batch.";
        return new ModelEntry(submission, model.Task, role, input, source, violation);
    }

    private static string? ViolationOf(Type type)
    {
        if (!typeof(nn.Module<Tensor, Tensor>).IsAssignableFrom(type))
            return $"{type.FullName} has [Variant] but is not a Module<Tensor, Tensor>.";
        if (type.IsAbstract || !type.IsPublic && !type.IsNestedPublic)
            return $"{type.FullName} has [Variant] but is not a public, non-abstract class.";
        if (type.GetConstructor(Type.EmptyTypes) is null)
            return $"{type.FullName} has no public parameterless constructor; give it one, or put [Variant] on a public static method that builds the model.";
        return null;
    }

    private static string? ViolationOf(MethodInfo method)
    {
        var name = $"{method.DeclaringType!.FullName}.{method.Name}";
        if (!method.IsStatic || !method.IsPublic || method.GetParameters().Length != 0)
            return $"{name} has [Variant] but is not a public static method without parameters.";
        if (!typeof(nn.Module<Tensor, Tensor>).IsAssignableFrom(method.ReturnType))
            return $"{name} has [Variant] but returns {method.ReturnType.Name}, not a Module<Tensor, Tensor>.";
        return null;
    }
}
