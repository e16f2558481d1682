using ConvSpecs.Models;

namespace ConvSpecs.Drivers;

/// <summary>Puts a seeded random batch through the model (and its twin), in evaluation mode, and keeps the outputs.</summary>
public static class ModelProbe
{
    public static void Forward(ModelContext context, long batch, Shape? sampleShape = null)
    {
        var input = context.NewInput(batch, sampleShape?.Resolve(batch));
        context.Model.Trace.Clear();
        var output = SafeForward.Evaluate(context.Model.Module, input, context.Model.Label);
        var twin = context.Twin is { } other ? SafeForward.Evaluate(other.Module, input, other.Label) : null;
        context.SetOutputs(output.cpu().DetachFromDisposeScope(), twin?.cpu().DetachFromDisposeScope());
    }

    public static long[] OutputShape(ModelContext context) =>
        context.Output?.shape ?? throw new InvalidOperationException("No output yet: a 'When a random batch … passes through' step must come first.");

    /// <summary>The twin for the padding experiment: the student's own padding1 model, or one derived with the same weights.</summary>
    public static void UsePaddingTwin(ModelContext context)
    {
        var entry = context.Entry ?? throw new InvalidOperationException("Load the model first.");
        var own = context.Submission.Find(entry.Task, ModelRoles.Padding1);
        context.SetTwin(own is not null
            ? context.Build(own, context.Label(own))
            : PaddingTwin.Derive(context.Model, entry.Create, context.Device));
    }
}
