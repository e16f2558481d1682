namespace ConvSpecs.Bridge;

/// <summary>Where a pickle comes from in its document: the parts of Reqnroll's ScenarioInfo and RuleInfo the pickle lacks.</summary>
/// <param name="Index">The pickle's position in its document's pickles: Reqnroll matches the run to the pickle by it.</param>
/// <param name="Description">The scenario's description.</param>
/// <param name="OwnTags">The scenario's and its Examples' tags, without @.</param>
/// <param name="InheritedTags">The feature's and the rule's tags, without @.</param>
/// <param name="Rule">The enclosing rule's title, description and tags; null outside a rule.</param>
/// <param name="Arguments">An outline row's values by column; empty for a plain scenario.</param>
internal sealed record PickleOrigin(
    int Index,
    string Description,
    IReadOnlyList<string> OwnTags,
    IReadOnlyList<string> InheritedTags,
    (string Title, string Description, IReadOnlyList<string> Tags)? Rule,
    IReadOnlyList<KeyValuePair<string, string>> Arguments);
