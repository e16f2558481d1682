namespace ConvSpecs.Models;

/// <summary>What every contract attribute says: which task, which role, which input.</summary>
public abstract class AssignmentModelAttribute(string task) : Attribute
{
    /// <summary>The task as the features tag it: variant1 … variant6, pooling.</summary>
    public string Task { get; } = task;

    /// <summary>Which of the task's models this is (variant 2: <c>padding0</c>, <c>padding1</c>); empty for the main one.</summary>
    public string Role { get; set; } = "";

    /// <summary>One sample's shape (C, H, W), without the batch; each task has a default.</summary>
    public int[]? Input { get; set; }
}
