namespace ConvSpecs.Models;

/// <summary>
/// Marks a model as a student's answer to the second task (a network of pooling layers only, trained
/// on 28×28 letters or digits); roles <c>max</c> and <c>avg</c>; input (1, 28, 28) unless it says otherwise.
/// </summary>
/// <example><c>[PoolingTask(Role = "max")]</c></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class PoolingTaskAttribute() : AssignmentModelAttribute(ModelRoles.PoolingTask);
