using System.Globalization;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace ConvSpecs.Bridge;

/// <summary>
/// Reqnroll-style context injection for one scenario: each class is created once, on first use, from its public
/// constructor; objects passed in are used as they are and never disposed.
/// </summary>
internal sealed class ScenarioContainer(IEnumerable<object> supplied) : IAsyncDisposable
{
    private readonly List<object> supplied = [.. supplied];
    private readonly List<object> created = [];
    private readonly List<Type> underConstruction = [];

    public object Resolve(Type type)
    {
        if (supplied.Concat(created).FirstOrDefault(type.IsInstanceOfType) is { } existing)
            return existing;
        var constructor = type.IsAbstract || type.IsPrimitive || type == typeof(string)
            ? null
            : type.GetConstructors().MaxBy(c => c.GetParameters().Length);
        if (constructor is null)
            throw new InvalidOperationException($"No {type.Name} was passed in for this scenario, and it cannot be created{WantedBy()}.");
        if (underConstruction.Contains(type))
            throw new InvalidOperationException($"{type.Name} needs itself through its constructor{WantedBy()}.");

        underConstruction.Add(type);
        try
        {
            var instance = constructor.Invoke(
                BindingFlags.DoNotWrapExceptions, null, [.. constructor.GetParameters().Select(p => Resolve(p.ParameterType))], CultureInfo.InvariantCulture);
            created.Add(instance);
            return instance;
        }
        finally
        {
            underConstruction.RemoveAt(underConstruction.Count - 1);
        }
    }

    /// <summary>Calls a binding method on the scenario's instance of its class, and awaits it when it returns a task.</summary>
    public async Task InvokeAsync(MethodInfo method, object?[] arguments)
    {
        var result = Invoke(method, arguments);
        if (result is Task task)
            await task;
        else if (result is ValueTask valueTask)
            await valueTask;
    }

    public object? Invoke(MethodInfo method, object?[] arguments)
    {
        var target = method.IsStatic ? null : Resolve(method.DeclaringType!);
        return method.Invoke(target, BindingFlags.DoNotWrapExceptions, null, arguments, CultureInfo.InvariantCulture);
    }

    private string WantedBy() =>
        underConstruction.Count == 0 ? "" : $" (wanted by {string.Join(" ← ", Enumerable.Reverse(underConstruction).Select(t => t.Name))})";

    /// <summary>Disposes what the container created, newest first, so nothing is disposed before what depends on it.</summary>
    public async ValueTask DisposeAsync()
    {
        Exception? first = null;
        foreach (var instance in Enumerable.Reverse(created))
        {
            try
            {
                if (instance is IAsyncDisposable asyncDisposable)
                    await asyncDisposable.DisposeAsync();
                else if (instance is IDisposable disposable)
                    disposable.Dispose();
            }
            catch (Exception e)
            {
                first ??= e;
            }
        }

        created.Clear();
        if (first is not null)
            ExceptionDispatchInfo.Throw(first);
    }
}
