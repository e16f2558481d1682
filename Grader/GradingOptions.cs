using System.Globalization;
using ConvSpecs.Drivers;
using ConvSpecs.Drivers.Training;
using ConvSpecs.Grader.Isolation;

namespace ConvSpecs.Grader;

/// <summary>What one grading run does: which folder, where the results go, and the limits each student runs under.</summary>
public sealed record GradingOptions
{
    public const string SubmissionsVariable = "CONVSPECS_SUBMISSIONS";

    /// <summary>The folder whose sub-folders are the students, one each.</summary>
    public required string SubmissionsDirectory { get; init; }

    /// <summary>Where results.json per student, summary.csv, summary.txt and index.html go.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>How many students are graded at once; each worker runs torch on one thread.</summary>
    public int Parallel { get; init; } = Environment.ProcessorCount;

    // Variant 4's experiment trains both heads in its first scenario: about 30 s in a one-thread worker on the shipped
    // digits (seed 000's nets, measured), so 120 s leaves room for a slower machine; CIFAR-10 or --full need more.
    public TimeSpan ScenarioTimeout { get; init; } = TimeSpan.FromSeconds(120);

    public TimeSpan StudentTimeout { get; init; } = TimeSpan.FromSeconds(600);

    // Structural scenarios need about 100 MiB beyond what the kernel can reclaim; variant 4's training (the padded
    // digits, two networks, Adam's state, a batch's activations) was killed at 512 MiB and passed at 768 (seed 000's
    // nets, measured).
    public long MemoryLimitMiB { get; init; } = 1024;

    /// <summary>
    /// Processes and threads of one student together. A worker needs about 40 threads (the runtime's, torch's
    /// pool, bubblewrap's); 256 leaves room for a student's own and stops a fork bomb at once.
    /// </summary>
    public int ProcessLimit { get; init; } = 256;

    /// <summary>CPU time of one student per wall second: a worker runs torch on one thread, so one core.</summary>
    public double CoresPerStudent { get; init; } = 1;

    /// <summary>Size of one student's scratch folder: its compiled assembly, evidence and plots need a few MiB.</summary>
    public long ScratchMiB { get; init; } = 256;

    /// <summary>Files and folders in one student's scratch folder (evidence is a few per scenario).</summary>
    public int ScratchFiles { get; init; } = 4096;

    /// <summary>The training settings the workers get on their command line (profile, data folder, data set).</summary>
    public TrainingSettings Training { get; init; } = TrainingSettings.FromEnvironment();

    /// <summary>The cgroup limits of one student.</summary>
    public StudentLimits Limits => new(MemoryLimitMiB, ProcessLimit, CoresPerStudent);

    public long Seed { get; init; } = RunSettings.DefaultSeed;

    public string Device { get; init; } = "cpu";

    /// <summary>Only this variant's scenarios ("2", "pooling"); null for every variant a student attempts.</summary>
    public string? Variant { get; init; }

    /// <summary>auto: the strongest sandbox this machine allows; none: plain processes (still one per student, with limits).</summary>
    public string Isolation { get; init; } = "auto";

    /// <summary>
    /// Compile without the API allow-list (--api any; README, "What a submission may call"): only to test the sandbox's
    /// own defences with students that call what the allow-list refuses.
    /// </summary>
    public bool AllowAnyApi { get; init; }

    /// <summary>Grade only this slice of the students (--shard K/N); null for all of them.</summary>
    public Scale.Shard? Shard { get; init; }

    /// <summary>The Canvas gradebook CSV to write and the roster it is built from (--canvas-csv, --roster); null for none.</summary>
    public Scale.CanvasExport? Canvas { get; init; }

    /// <summary>
    /// The regrade cache's folder (--cache, CONVSPECS_GRADING_CACHE; README, "Regrading only what changed"); null for none
    /// (--no-cache, CONVSPECS_GRADING_CACHE=off). Null unless asked for, so a program that builds options itself grades afresh.
    /// </summary>
    public string? CacheDirectory { get; init; }

    /// <summary>
    /// CONVSPECS_SUBMISSIONS (required), CONVSPECS_GRADING_DIR, CONVSPECS_PARALLEL, CONVSPECS_SCENARIO_TIMEOUT,
    /// CONVSPECS_STUDENT_TIMEOUT (seconds), CONVSPECS_MEMORY_MB, CONVSPECS_SEED, CONVSPECS_DEVICE, CONVSPECS_VARIANT, CONVSPECS_ISOLATION,
    /// CONVSPECS_GRADING_CACHE (a folder, or off; default artifacts/grading-cache).
    /// </summary>
    public static GradingOptions FromEnvironment(string? submissions = null)
    {
        var folder = submissions ?? Variable(SubmissionsVariable)
            ?? throw new ArgumentException($"Set {SubmissionsVariable} to the folder of student submissions (one sub-folder per student).");
        var defaults = new GradingOptions { SubmissionsDirectory = "", OutputDirectory = "" };
        return new GradingOptions
        {
            SubmissionsDirectory = Path.GetFullPath(folder),
            OutputDirectory = Path.GetFullPath(Variable("CONVSPECS_GRADING_DIR")
                ?? Path.Combine(RunSettings.RepositoryRoot() ?? Directory.GetCurrentDirectory(), "artifacts", "grading")),
            Parallel = Number("CONVSPECS_PARALLEL") is { } parallel ? (int)parallel : defaults.Parallel,
            ScenarioTimeout = Number("CONVSPECS_SCENARIO_TIMEOUT") is { } scenario ? TimeSpan.FromSeconds(scenario) : defaults.ScenarioTimeout,
            StudentTimeout = Number("CONVSPECS_STUDENT_TIMEOUT") is { } student ? TimeSpan.FromSeconds(student) : defaults.StudentTimeout,
            MemoryLimitMiB = Number("CONVSPECS_MEMORY_MB") ?? defaults.MemoryLimitMiB,
            Seed = Number("CONVSPECS_SEED") ?? defaults.Seed,
            Device = Variable("CONVSPECS_DEVICE")?.ToLowerInvariant() ?? defaults.Device,
            Variant = Variable("CONVSPECS_VARIANT"),
            Isolation = Variable("CONVSPECS_ISOLATION")?.ToLowerInvariant() ?? defaults.Isolation,
            CacheDirectory = Variable("CONVSPECS_GRADING_CACHE") switch
            {
                "off" => null,
                { } cache => Path.GetFullPath(cache),
                null => Path.Combine(RunSettings.RepositoryRoot() ?? Directory.GetCurrentDirectory(), "artifacts", "grading-cache"),
            },
        }.Validated();
    }

    /// <summary>The grade command's arguments (the folder, then options), over the environment's settings.</summary>
    public static GradingOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0].StartsWith('-'))
            throw new ArgumentException("grade needs the submissions folder first: grade DIR [options]");
        var options = FromEnvironment(args[0]);
        for (var i = 1; i < args.Count; i += 2)
        {
            if (args[i] == "--no-cache")
            {
                options = options with { CacheDirectory = null };
                i--; // the one option without a value
                continue;
            }
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--out" => options with { OutputDirectory = Path.GetFullPath(value) },
                "--parallel" => options with { Parallel = Integer(args[i], value) },
                "--scenario-timeout" => options with { ScenarioTimeout = TimeSpan.FromSeconds(Integer(args[i], value)) },
                "--student-timeout" => options with { StudentTimeout = TimeSpan.FromSeconds(Integer(args[i], value)) },
                "--memory" => options with { MemoryLimitMiB = Integer(args[i], value) },
                "--seed" => options with { Seed = Integer(args[i], value) },
                "--device" => options with { Device = value.ToLowerInvariant() },
                "--variant" => options with { Variant = value },
                "--isolation" => options with { Isolation = value.ToLowerInvariant() },
                "--api" => options with { AllowAnyApi = value switch
                {
                    "allow-list" => false,
                    "any" => true,
                    _ => throw new ArgumentException("--api is allow-list (the default) or any (only to test the sandbox itself)."),
                } },
                "--shard" => options with { Shard = Scale.Shard.Parse(value) },
                "--cache" => options with { CacheDirectory = Path.GetFullPath(value) },
                "--roster" or "--canvas-csv" or "--canvas-assignment" => options with { Canvas = Scale.CanvasExport.With(options.Canvas, args[i], value) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        return options.Validated();
    }

    private GradingOptions Validated()
    {
        if (!Directory.Exists(SubmissionsDirectory))
            throw new ArgumentException($"The submissions folder {SubmissionsDirectory} does not exist.");
        if (IsInside(OutputDirectory, SubmissionsDirectory))
            throw new ArgumentException($"The output folder {OutputDirectory} is inside the submissions folder; it would be graded as a student.");
        if (Parallel < 1 || MemoryLimitMiB < 64 || ScenarioTimeout <= TimeSpan.Zero || StudentTimeout < ScenarioTimeout)
            throw new ArgumentException("Limits: parallel ≥ 1, memory ≥ 64 MiB, scenario timeout > 0 and student timeout ≥ scenario timeout.");
        if (Shard is not null && Canvas is not null)
            throw new ArgumentException("A shard has only some of the students: write the Canvas CSV when merging the shards (merge … --canvas-csv).");
        Canvas?.Validate();
        Cache.GradingCache.Validate(this);
        if (Isolation is not ("auto" or "none"))
            throw new ArgumentException($"Unknown isolation '{Isolation}': use auto or none.");
        return this;
    }

    internal static bool IsInside(string path, string folder) =>
        (Path.TrimEndingDirectorySeparator(path) + "/").StartsWith(Path.TrimEndingDirectorySeparator(folder) + "/", StringComparison.Ordinal);

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    private static long? Number(string name) => Variable(name) is { } text ? Integer(name, text) : null;

    private static int Integer(string name, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{name} must be a whole number, not '{text}'.");
}
