using ConvSpecs.Grader.Grading;
using ConvSpecs.Grader.Worker;

namespace ConvSpecs.Grader;

/// <summary>grade: the instructor's command. worker and compile-server: what the grader starts in a student's sandbox; not for people.</summary>
public static class Program
{
    private const string Usage = """
        usage: ConvSpecs.Grader grade DIR [options]     grade every sub-folder of DIR as one student
          --out DIR               results folder (default artifacts/grading, or CONVSPECS_GRADING_DIR)
          --parallel N            students graded at once (default: the number of cores)
          --scenario-timeout S    seconds one scenario may take (default 120)
          --student-timeout S     seconds one student may take in all (default 600)
          --memory MB             memory limit of each student's process, MiB (default 1024)
          --seed S, --device D, --variant N, --isolation auto|none
          --shard K/N             grade only the K-th of N slices of the students (K from 0), for merge
          --cache DIR             reuse the results of students whose files, features, settings and grader are unchanged
                                  (default artifacts/grading-cache, or CONVSPECS_GRADING_CACHE; off: none)
          --no-cache              grade every student afresh (and store nothing)
          --roster FILE --canvas-csv FILE [--canvas-assignment NAME]   also write a Canvas gradebook CSV
        usage: ConvSpecs.Grader merge OUT1 … OUTN --out OUT [--roster FILE --canvas-csv FILE]
                                  combine the outputs of grade --shard 0/N … N-1/N into one class's
        """;

    public static async Task<int> Main(string[] args)
    {
        switch (args)
        {
            case ["check", .. var rest]: return Check.StudentCheck.Run(rest);
            case ["worker", .. var rest]:
                return WorkerProgram.Run(rest);
            case ["compile-server"]:
                return WorkerProgram.CompileServer();
            case ["grade", .. var rest]:
                GradingOptions options;
                try
                {
                    options = GradingOptions.Parse(rest);
                }
                catch (ArgumentException invalid)
                {
                    Console.Error.WriteLine($"grade: {invalid.Message}\n\n{Usage}");
                    return 2;
                }
                Console.WriteLine($"Grading {options.SubmissionsDirectory} → {options.OutputDirectory}");
                var batch = await BatchGrader.GradeAsync(options, Console.Out);
                Console.WriteLine();
                Console.Write(File.ReadAllText(Path.Combine(options.OutputDirectory, "summary.txt")));
                Console.WriteLine($"Results: {Path.Combine(options.OutputDirectory, "students", "<student>", "results.json")}, summary.csv, index.html in {options.OutputDirectory}");
                options.Canvas?.Write(batch.Students, Console.Out);
                // a shard may hold none of a small class's students
                return batch.Students.Count > 0 || options.Shard is not null ? 0 : 1;
            case ["merge", .. var rest]:
                return Scale.MergeCommand.Run(rest, Usage);
            default:
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }
}
