using System.Security.Cryptography;
using ConvSpecs.Suite;

namespace ConvSpecs.Grader.Cache;

/// <summary>A feature file (relative to Features/) and the SHA-256 of its bytes.</summary>
public sealed record FeatureHash(string File, string Sha256);

/// <summary>The feature files that hold a task's scenarios ("2": variant 2's; "pooling"), as one cached result depends on them.</summary>
public sealed record TaskFeatures(string Task, IReadOnlyList<FeatureHash> Features);

/// <summary>
/// What a student's verdicts depend on in Features/: the files holding the scenarios of the tasks the student attempts.
/// A scenario's steps, tags and points are all in its file, so a changed file regrades exactly the students of its
/// task; a file that starts or stops holding a task's scenarios (a new feature, a moved tag) changes the task's list.
/// Read once per run, from the folder the specification was loaded from.
/// </summary>
public static class FeatureDependencies
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<FeatureHash>>> ByTask = new(Read);

    /// <summary>The features of each task, in task order; a task without scenarios (a variant 7) depends on none, until one appears.</summary>
    public static IReadOnlyList<TaskFeatures> Of(IEnumerable<string> tasks) =>
        [.. tasks.Distinct().Order(StringComparer.Ordinal).Select(task => new TaskFeatures(task, ByTask.Value.GetValueOrDefault(task) ?? []))];

    /// <summary>What changed since <paramref name="recorded"/> ("variant2.feature changed"); null when nothing did.</summary>
    public static string? Changed(IReadOnlyList<TaskFeatures> recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var then = recorded.SelectMany(task => task.Features).ToHashSet();
        var now = Of(recorded.Select(task => task.Task)).SelectMany(task => task.Features).ToHashSet();
        if (then.SetEquals(now)) return null;
        var changes = then.Select(feature => feature.File).Union(now.Select(feature => feature.File))
            .Order(StringComparer.Ordinal)
            .Select(file => (Then: then.FirstOrDefault(feature => feature.File == file), Now: now.FirstOrDefault(feature => feature.File == file)))
            .Where(pair => pair.Then != pair.Now)
            .Select(pair => pair.Then is null ? $"{pair.Now!.File} is new" : pair.Now is null ? $"{pair.Then.File} no longer applies" : $"{pair.Now.File} changed");
        return string.Join(", ", changes);
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<FeatureHash>> Read()
    {
        var suite = Specification.Suite;
        return suite.Scenarios
            .Where(scenario => Specification.VariantOf(scenario) is not null)
            .GroupBy(scenario => Specification.VariantOf(scenario)!, StringComparer.Ordinal)
            .ToDictionary(task => task.Key, IReadOnlyList<FeatureHash> (task) => [.. task.Select(scenario => scenario.File).Distinct().Order(StringComparer.Ordinal)
                .Select(file => new FeatureHash(file, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(suite.FeaturesDirectory, file))))))],
                StringComparer.Ordinal);
    }
}
