namespace ConvSpecs.Models;

/// <summary>A student's (or the reference's) models: everything declared in one namespace.</summary>
public sealed record Submission(string Name, IReadOnlyList<ModelEntry> Models)
{
    /// <summary>The tasks the student attempted, as the features tag them: variant2, pooling, …</summary>
    /// <summary>
    /// The folder holding the submission's .cs files, read for functional calls in forward that hooks cannot see
    /// (the grader sets the student's folder). Null: the repository's own sources (Models/, examples/, tests/).
    /// </summary>
    public string? SourceFolder { get; init; }

    public IReadOnlySet<string> Tasks => Models.Select(model => model.Task).ToHashSet();

    /// <summary>The model of a task in a role (empty: the task's main role), or null when the student has none.</summary>
    public ModelEntry? Find(string task, string role = "")
    {
        var wanted = role.Length == 0 ? ModelRoles.MainRole(task) : role;
        return Models.FirstOrDefault(model => model.Task == task && model.Role == wanted);
    }

    public override string ToString() => Name;
}
