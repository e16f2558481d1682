using System.Globalization;

namespace ConvSpecs.Bridge;

/// <summary>Turns a step's argument texts, data table and doc string into the arguments of its binding method.</summary>
internal static class ArgumentConverter
{
    public static object?[] Convert(StepMatch match, ScenarioStep step, ParameterTypeRegistry types, ScenarioContainer container)
    {
        var parameters = match.Binding.Method.GetParameters();
        object? extra = (object?)step.DataTable ?? step.DocString;
        var supplied = match.Arguments.Count + (extra is null ? 0 : 1);
        if (parameters.Length != supplied)
        {
            throw new StepBindingException(
                $"{match.Binding} takes {parameters.Length} parameters but the step supplies {supplied}" +
                (extra is null ? "." : $", its last one a {(step.DataTable is null ? "doc string" : "data table")}."));
        }

        var values = new object?[parameters.Length];
        for (var i = 0; i < match.Arguments.Count; i++)
            values[i] = Convert(match.Arguments[i], parameters[i].ParameterType, types, container, match.Binding);
        if (extra is null)
            return values;

        if (!parameters[^1].ParameterType.IsInstanceOfType(extra))
            throw new StepBindingException($"{match.Binding}: its last parameter must be a {extra.GetType().Name} to receive the step's {(step.DataTable is null ? "doc string" : "data table")}.");
        values[^1] = extra;
        return values;
    }

    private static object? Convert(CapturedArgument argument, Type target, ParameterTypeRegistry types, ScenarioContainer container, StepBinding binding)
    {
        var value = argument.Type?.Transformation is { } transformation
            ? container.Invoke(transformation, [argument.Text])
            : argument.Text;
        if (value is not string text || target.IsInstanceOfType(value))
            return value;

        if (types.FindFor(target, text) is { Transformation: { } byType })
            return container.Invoke(byType, [text]);
        try
        {
            var type = Nullable.GetUnderlyingType(target) ?? target;
            return type.IsEnum
                ? Enum.Parse(type, text, ignoreCase: true)
                : System.Convert.ChangeType(text, type, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            throw new StepBindingException($"{binding}: cannot convert \"{text}\" to {target.Name}.", e);
        }
    }
}
