namespace ConvSpecs.Models;

/// <summary>A student's (or the reference's) models: everything declared in one namespace.</summary>
public sealed record Submission(string Name, IReadOnlyList<ModelEntry> Models)
{
    public IEnumerable<int> Variants => Models.Select(model => model.Variant).Distinct().Order();

    /// <summary>The model of a variant in a role (empty: the variant's main role), or null when the student has none.</summary>
    public ModelEntry? Find(int variant, string role = "")
    {
        var wanted = role.Length == 0 ? ModelRoles.MainRole(variant) : role;
        return Models.FirstOrDefault(model => model.Variant == variant && model.Role == wanted);
    }

    public override string ToString() => Name;
}
