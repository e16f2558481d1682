using System.Collections;
using System.Reflection;
using ConvSpecs.Models;
using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>
/// Layer and parameter fields TorchSharp does not know about. A module sees only what RegisterComponents()
/// (or register_module) registered: an unregistered field still runs in forward, but its layers escape the
/// hooks and its parameters escape parameters(), state_dict() and the optimiser, so every count is wrong.
/// </summary>
public static class Registration
{
    /// <summary>"field 'conv1' (Conv2d) of Net" for each layer or parameter field not registered anywhere in the model.</summary>
    public static IReadOnlyList<string> Unregistered(nn.Module<Tensor, Tensor> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var modules = model.named_modules().Select(named => named.module).Append(model).Distinct(ReferenceEqualityComparer.Instance).Cast<nn.Module>().ToList();
        var parameters = model.parameters().Select(parameter => parameter.Handle).ToHashSet();
        var missing = new List<string>();
        foreach (var owner in modules.Where(module => !LayerKinds.IsTorchSharp(module)))
            foreach (var field in SubmissionFields(owner.GetType()))
                foreach (var value in Values(field.GetValue(owner)))
                {
                    var registered = value switch
                    {
                        nn.Module module => modules.Contains(module, ReferenceEqualityComparer.Instance),
                        TorchSharp.Modules.Parameter parameter => parameters.Contains(parameter.Handle),
                        _ => true,
                    };
                    if (!registered) missing.Add($"field '{field.Name}' ({value.GetType().Name}) of {owner.GetType().Name}");
                }
        return missing.Distinct().ToList();
    }

    /// <summary>Throws the fix when a rule needs the model's layers or parameters and some are not registered.</summary>
    public static void Ensure(LoadedModel model)
    {
        if (model.Unregistered.Count > 0)
            throw new ModelProblem(
                $"{model.Label}: {string.Join(", ", model.Unregistered)} {(model.Unregistered.Count == 1 ? "is" : "are")} not registered, so TorchSharp " +
                "cannot see those layers or parameters and this rule cannot count them. Call RegisterComponents() at the end of the constructor " +
                "(of every class that holds layers).");
    }

    // fields declared by the submission's classes, not by TorchSharp's Module itself
    private static IEnumerable<FieldInfo> SubmissionFields(Type type)
    {
        for (var current = type; current is not null && current.Namespace?.StartsWith("TorchSharp", StringComparison.Ordinal) != true; current = current.BaseType)
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                yield return field;
    }

    // a layer, a parameter, or a collection of them (List<Conv2d> is not registered by RegisterComponents)
    private static IEnumerable<object> Values(object? value) => value switch
    {
        nn.Module or TorchSharp.Modules.Parameter => [value],
        IEnumerable items and not Tensor and not string => items.Cast<object?>().Where(item => item is nn.Module or TorchSharp.Modules.Parameter).Cast<object>(),
        _ => [],
    };
}
