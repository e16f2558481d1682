namespace ConvSpecs.Grader.Tests.Hostile;

/// <summary>
/// The hostile class, written at test time (some attacks need this run's paths): one student per attack on the
/// grader's processes, sandbox and limits. Each attack runs once per worker process, inside a correct variant 2
/// model (or, for the forgers, a wrong one), and reports what it achieved by throwing from the constructor, so
/// its verdict says what the sandbox let it do.
/// </summary>
internal static class HostileStudents
{
    /// <summary>Every process an attack leaves behind carries this in its command line.</summary>
    public const string Marker = "convspecs-hostile";

    /// <summary>Writes one folder per student below <paramref name="submissions"/>; <paramref name="targets"/> are the paths the escape attack aims at.</summary>
    public static void Write(string submissions, EscapeTargets targets)
    {
        foreach (var (name, source) in Sources(targets))
        {
            var folder = Directory.CreateDirectory(Path.Combine(submissions, name)).FullName;
            File.WriteAllText(Path.Combine(folder, "Model.cs"), source);
        }
    }

    /// <summary>The grader's own diagnostics socket, a file to plant in the host's /tmp, and the folders outside the student's scratch.</summary>
    public sealed record EscapeTargets(string DiagnosticsSocket, string HostTmpFile, string SubmissionsFolder, string OutputFolder);

    private static IEnumerable<(string Name, string Source)> Sources(EscapeTargets targets) =>
    [
        ("HostSocket", Model("HostSocket", $$"""
            var seen = Directory.Exists("/tmp") ? Directory.GetFiles("/tmp", "dotnet-diagnostic-*").Length : -1;
            string connect;
            try
            {
                using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
                socket.Connect(new System.Net.Sockets.UnixDomainSocketEndPoint(@"{{targets.DiagnosticsSocket}}"));
                connect = "CONNECTED";
            }
            catch (Exception failed) { connect = "refused (" + failed.GetType().Name + ")"; }
            var planted = new List<string>();
            foreach (var target in new[] { @"{{targets.HostTmpFile}}", @"{{Path.Combine(targets.SubmissionsFolder, "Good", "Planted.cs")}}", @"{{Path.Combine(targets.OutputFolder, "planted.txt")}}" })
                try { File.WriteAllText(target, "{{Marker}}"); planted.Add(target); } catch (Exception) { }
            result = $"{seen} diagnostic sockets in /tmp; the grader's socket: {connect}; wrote outside scratch: {planted.Count}";
            """)),
        ("Daemon", Model("Daemon", $$"""
            System.Diagnostics.Process.Start("setsid", new[] { "-f", "sh", "-c", "trap '' HUP TERM INT; while :; do sleep 1; done", "{{Marker}}-daemon" });
            """)),
        ("LingeringThread", Model("LingeringThread", """
            new Thread(() => { while (true) Thread.Sleep(100); }) { IsBackground = false }.Start();
            """)),
        ("ProcessFlood", Model("ProcessFlood", $$"""
            var started = 0;
            try
            {
                for (; started < 2000; started++) System.Diagnostics.Process.Start("sh", new[] { "-c", "sleep 600", "{{Marker}}-flood" });
                result = $"started all {started} processes";
            }
            catch (Exception failed) { result = $"started {started} processes, then {failed.GetType().Name}"; }
            """)),
        ("OutputFlood", Model("OutputFlood", """
            var chunk = new string('x', 1 << 20);
            for (var i = 0; i < 600; i++) Console.Out.Write(chunk);
            Console.Out.WriteLine();
            for (var line = 0; line < 3; line++)
            {
                for (var i = 0; i < 200; i++) Console.Error.Write(chunk);
                Console.Error.WriteLine();
            }
            """)),
        ("ImmortalExit", Model("ImmortalExit", """
            AppDomain.CurrentDomain.ProcessExit += (_, _) => { while (true) Thread.Sleep(1000); };
            """)),
        ("ForgesConsoleStream", Forger("ForgesConsoleStream", """
            using var stream = Console.OpenStandardOutput();
            stream.Write(forged);
            """)),
        ("ForgesProcFd", Forger("ForgesProcFd", """
            using var stream = new FileStream("/proc/self/fd/1", FileMode.Open, FileAccess.Write);
            stream.Write(forged);
            """)),
        ("ForgesDevStdout", Forger("ForgesDevStdout", """
            using var stream = new FileStream("/dev/stdout", FileMode.Open, FileAccess.Write);
            stream.Write(forged);
            """)),
        ("ReadsEnvironment", Model("ReadsEnvironment", """
            result = "environment " + string.Join(",", Environment.GetEnvironmentVariables().Keys.Cast<string>().Order(StringComparer.Ordinal));
            """, everyTime: true)),
        ("DiskFill", Model("DiskFill", """
            var written = 0L;
            var error = "nothing stopped it";
            try
            {
                using var file = new FileStream("fill.bin", FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
                var mebibyte = new byte[1 << 20];
                for (; written < 5 * 1024; written++) file.Write(mebibyte);
            }
            catch (IOException failed) { error = failed.Message; }
            File.Delete("fill.bin");
            result = $"wrote {written} MiB, then: {error}";
            """, everyTime: true)),
        ("ManyFiles", Model("ManyFiles", """
            var created = 0;
            var error = "nothing stopped it";
            Directory.CreateDirectory("many");
            try { for (; created < 100_000; created++) File.WriteAllBytes($"many/{created}", []); }
            catch (IOException failed) { error = failed.Message; }
            Directory.Delete("many", recursive: true);
            result = $"created {created} files, then: {error}";
            """, everyTime: true)),
        ("CompileBomb", CompileBomb),
    ];

    /// <summary>
    /// A correct variant 2 model whose constructor runs <paramref name="attack"/> once per process (every time with
    /// <paramref name="everyTime"/>); when the attack sets <c>result</c>, the constructor throws it, so the
    /// scenario's message says what the attack achieved.
    /// </summary>
    private static string Model(string name, string attack, bool everyTime = false) => $$"""
        using ConvSpecs.Models;
        using TorchSharp.Modules;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        namespace Students.{{name}};

        [Variant(2)]
        public sealed class Model : Module<Tensor, Tensor>
        {
            private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 1);
            private readonly Conv2d conv2 = Conv2d(32, 64, 2, stride: 2, padding: 0L);

            public Model() : base(nameof(Model))
            {
                if (Attack.Run() is { } result) throw new InvalidOperationException("attack: " + result);
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => conv2.call(conv1.call(x));
        }

        internal static class Attack
        {
            private static bool ran;
            private static string? result;

            public static string? Run()
            {
                if (ran{{(everyTime ? " && false" : "")}}) return result;
                ran = true;
        {{Indent(attack, 8)}}
                return result;
            }
        }
        """;

    /// <summary>A wrong model (one convolution: (32, 32, 32)) that writes "passed" protocol lines for every scenario, and "done".</summary>
    private static string Forger(string name, string route) => $$"""
        using System.Text;
        using ConvSpecs.Models;
        using TorchSharp.Modules;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        namespace Students.{{name}};

        [Variant(2)]
        public sealed class Model : Module<Tensor, Tensor>
        {
            private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 1);

            public Model() : base(nameof(Model))
            {
                var lines = new StringBuilder();
                for (var index = 0; index < 4; index++)
                    lines.Append("@@convspecs {\"kind\":\"start\",\"index\":" + index + "}\n@@convspecs {\"kind\":\"end\",\"index\":" + index + ",\"passed\":true,\"steps\":[]}\n");
                lines.Append("@@convspecs {\"kind\":\"done\"}\n");
                var forged = Encoding.UTF8.GetBytes(lines.ToString());
        {{Indent(route, 8)}}
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => conv1.call(x);
        }
        """;

    /// <summary>Nested lambdas against four overloads: the compiler binds each lambda once per overload, 4^12 times.</summary>
    private const string CompileBomb = """
        using ConvSpecs.Models;
        using TorchSharp.Modules;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        namespace Students.CompileBomb;

        [Variant(2)]
        public sealed class Model : Module<Tensor, Tensor>
        {
            private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 1);
            private readonly Conv2d conv2 = Conv2d(32, 64, 2, stride: 2, padding: 0L);

            public Model() : base(nameof(Model)) => RegisterComponents();

            public override Tensor forward(Tensor x) => conv2.call(conv1.call(x));
        }

        internal static class Bomb
        {
            static int M(Func<int, int> f) => 0; static int M(Func<long, int> f) => 0; static int M(Func<short, int> f) => 0; static int M(Func<byte, int> f) => 0;
            static int B() => M(a => M(b => M(c => M(d => M(e => M(f => M(g => M(h => M(i => M(j => M(k => M(l => a + b + c + d + e + f + g + h + i + j + k + l))))))))))));
        }
        """;

    private static string Indent(string text, int spaces) =>
        string.Join('\n', text.Split('\n').Select(line => line.Length == 0 ? line : new string(' ', spaces) + line));
}
