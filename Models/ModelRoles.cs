namespace ConvSpecs.Models;

/// <summary>The roles a task's models can take, and the default input of each task.</summary>
public static class ModelRoles
{
    public const string PoolingTask = "pooling";
    public const string Padding0 = "padding0";
    public const string Padding1 = "padding1";

    /// <summary>The role a model marked without Role takes; variant 2's main model is its padding=0 one.</summary>
    public static string MainRole(string task) => task == "variant2" ? Padding0 : "";

    /// <summary>One sample's (C, H, W) when the attribute does not say: the assignment fixes (3, 64, 64) for variant 6.</summary>
    public static long[] DefaultInput(string task) => task switch
    {
        "variant6" => [3, 64, 64],
        PoolingTask => [1, 28, 28],
        _ => [3, 32, 32],
    };

    /// <summary>How messages name a task: "variant 2", "the pooling task".</summary>
    public static string Describe(string task) =>
        task.StartsWith("variant", StringComparison.Ordinal) ? $"variant {task["variant".Length..]}" : $"the {task} task";

    /// <summary>The attribute a student writes for a task, for messages.</summary>
    public static string AttributeFor(string task, string role)
    {
        var roleText = role.Length == 0 ? "" : $"Role = \"{role}\"";
        return task.StartsWith("variant", StringComparison.Ordinal)
            ? $"[Variant({task["variant".Length..]}{(roleText.Length == 0 ? "" : ", " + roleText)})]"
            : $"[PoolingTask({roleText})]";
    }
}
