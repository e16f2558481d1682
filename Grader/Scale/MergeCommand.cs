namespace ConvSpecs.Grader.Scale;

/// <summary>The merge command: shard outputs in, one class's output (and the Canvas CSV) out.</summary>
public static class MergeCommand
{
    public static int Run(IReadOnlyList<string> args, string usage)
    {
        MergeOptions options;
        try
        {
            options = MergeOptions.Parse(args);
        }
        catch (ArgumentException invalid)
        {
            Console.Error.WriteLine($"merge: {invalid.Message}\n\n{usage}");
            return 2;
        }
        try
        {
            Console.WriteLine($"Merging {options.Shards.Count} shard(s) → {options.Output}");
            var run = ShardMerge.Merge(options);
            ShardMerge.Write(run, ShardMerge.Facts(options), options.Output);
            Console.Write(File.ReadAllText(Path.Combine(options.Output, "summary.txt")));
            options.Canvas?.Write(run.Students, Console.Out);
            return 0;
        }
        catch (Exception refused) when (refused is InvalidDataException or ArgumentException)
        {
            Console.Error.WriteLine($"merge: {refused.Message}");
            return 1;
        }
    }
}
