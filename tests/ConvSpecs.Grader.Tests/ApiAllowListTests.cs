using ConvSpecs.Drivers;
using ConvSpecs.Grader.Compiling;
using FluentAssertions;
using Xunit;

namespace ConvSpecs.Grader.Tests;

/// <summary>
/// The compile-time allow-list: every category a model does not need is refused with file, line and API in words; the
/// seed students, the reference solution and the fixture students still compile.
/// </summary>
public sealed class ApiAllowListTests
{
    private static readonly string Repository = RunSettings.RepositoryRoot()!;

    // Fixture students that attack the sandbox with what the allow-list refuses (their batch compiles without it).
    private static readonly string[] AttackFixtures = ["DoesNotCompile", "ExitsInForward", "Intruder"];

    public static TheoryData<string> AllowedFolders()
    {
        var folders = new TheoryData<string>();
        foreach (var seed in Directory.EnumerateDirectories(Path.Combine(Repository, "examples")).Order(StringComparer.Ordinal))
            folders.Add(Path.GetRelativePath(Repository, seed));
        folders.Add("Models/Reference");
        foreach (var fixture in Directory.EnumerateDirectories(FixtureBatch.Submissions).Order(StringComparer.Ordinal))
            if (!AttackFixtures.Contains(Path.GetFileName(fixture)))
                folders.Add(Path.GetRelativePath(Repository, Path.Combine(Repository, "tests", "ConvSpecs.Grader.Tests", "Submissions", Path.GetFileName(fixture))));
        return folders;
    }

    [Theory]
    [MemberData(nameof(AllowedFolders))]
    public void ASeedTheReferenceAndEachFixtureStudentCompile(string folder)
    {
        var compiled = SubmissionCompiler.Compile("Student", Path.Combine(Repository, folder), Path.Combine(Scratch(), "out.dll"));

        compiled.Errors.Should().BeEmpty();
        compiled.Compiles.Should().BeTrue();
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText(\"/etc/hostname\");", "System.IO.File.ReadAllText is not allowed: a model may not read or write files or streams")]
    [InlineData("using var s = new System.IO.FileStream(\"/proc/self/fd/1\", System.IO.FileMode.Open);", "System.IO.FileStream is not allowed: a model may not read or write files")]
    [InlineData("System.Diagnostics.Process.Start(\"sh\");", "System.Diagnostics.Process is not allowed: a model may not start or inspect processes")]
    [InlineData("var m = GetType().GetMethod(\"forward\");", "System.Type.GetMethod is not allowed: a model may not use reflection")]
    [InlineData("var a = typeof(Model).Assembly;", "System.Type.Assembly is not allowed: a model may not use reflection")]
    [InlineData("Activator.CreateInstance(Type.GetType(\"System.IO.File\")!);", "System.Activator.CreateInstance is not allowed: a model may not create types by name")]
    [InlineData("var p = System.Runtime.InteropServices.Marshal.AllocHGlobal(8);", "System.Runtime.InteropServices.Marshal.AllocHGlobal is not allowed: a model may not call native code")]
    [InlineData("var h = System.Runtime.InteropServices.GCHandle.Alloc(this);", "System.Runtime.InteropServices.GCHandle is not allowed: a model may not call native code")]
    [InlineData("Console.OpenStandardOutput().WriteByte(1);", "System.Console.OpenStandardOutput is not allowed: only Console.Write and Console.WriteLine are allowed")]
    [InlineData("Console.SetOut(Console.Error);", "System.Console.SetOut is not allowed: only Console.Write and Console.WriteLine are allowed")]
    [InlineData("Console.Out.WriteLine(\"end 0 True\");", "System.Console.Out is not allowed: only Console.Write and Console.WriteLine are allowed")]
    [InlineData("Environment.Exit(0);", "System.Environment.Exit is not allowed: a model may not read the environment or end the process")]
    [InlineData("Environment.FailFast(\"x\");", "System.Environment.FailFast is not allowed: a model may not read the environment")]
    [InlineData("var secret = Environment.GetEnvironmentVariable(\"TOKEN\");", "System.Environment.GetEnvironmentVariable is not allowed: a model may not read the environment")]
    [InlineData("new Thread(() => { }).Start();", "System.Threading.Thread is not allowed: a model may not start threads, tasks or timers")]
    [InlineData("Task.Run(() => { });", "System.Threading.Tasks.Task.Run is not allowed: a model may not start threads, tasks or timers")]
    [InlineData("var t = new System.Timers.Timer(1);", "System.Timers.Timer is not allowed: a model may not start timers")]
    [InlineData("var d = AppDomain.CurrentDomain;", "System.AppDomain.CurrentDomain is not allowed: a model may not load assemblies")]
    [InlineData("var c = System.Runtime.Loader.AssemblyLoadContext.Default;", "System.Runtime.Loader.AssemblyLoadContext is not allowed: a model may not load assemblies")]
    [InlineData("dynamic d = x; d.forward(x);", "dynamic is not allowed: it binds at run time")]
    [InlineData("torch.save(x, \"x.pt\");", "TorchSharp.torch.save is not allowed: a model may not save, load or read files")]
    [InlineData("var y = torch.load(\"weights.pt\");", "TorchSharp.torch.load is not allowed: a model may not save, load or read files")]
    [InlineData("conv.save(\"model.bin\");", "TorchSharp.torch.nn.Module.save is not allowed: a model may not save, load or read files")]
    [InlineData("var j = torch.jit.load(\"model.pt\");", "TorchSharp.torch.jit is not allowed: a model may not load or save TorchScript files")]
    [InlineData("var n = new ConvSpecs.Models.Reference.BorderCroppingNet();", "ConvSpecs.Models.Reference.BorderCroppingNet is not allowed: a model may not call the specification or the grader")]
    [InlineData("Func<string, string> read = System.IO.File.ReadAllText;", "System.IO.File.ReadAllText is not allowed")]
    [InlineData("var f = (Func<string>)Delegate.CreateDelegate(typeof(Func<string>), null!, \"x\");", "System.Delegate.CreateDelegate is not allowed: a model may not build or call delegates through reflection")]
    [InlineData("var c = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);", "System.Net.Sockets.Socket is not allowed: a model may not use the network")]
    [InlineData("IProgress<int> p = new Progress<int>(_ => { }); p.Report(1);", "System.Progress is not allowed: a model may not start threads")]
    [InlineData("var t = TimeProvider.System.CreateTimer(_ => { }, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(1));", "System.TimeProvider.System is not allowed: a model may not start timers")]
    [InlineData("GC.AddMemoryPressure(1L << 40);", "System.GC.AddMemoryPressure is not allowed: a model may not control the garbage collector")]
    [InlineData("torch.set_num_threads(64);", "TorchSharp.torch.set_num_threads is not allowed: a model may not change torch's threads")]
    [InlineData("var h = x.Handle;", "TorchSharp.torch.Tensor.Handle is not allowed: a model may not handle native pointers")]
    [InlineData("System.Diagnostics.Debug.Fail(\"x\");", "System.Diagnostics.Debug is not allowed")]
    [InlineData("Func<System.Threading.Tasks.Task> f = async () => { };", "async lambdas are not allowed: they continue on other threads")]
    [InlineData("Reqnroll.ScenarioContext.Current.TestError = null;", "Reqnroll.ScenarioContext.Current is not allowed: a model may not reach the runner of the specification")]
    [InlineData("Xunit.TestContext.Current.SendDiagnosticMessage(\"passed\");", "Xunit.TestContext.Current is not allowed: a model may not reach the test framework")]
    public void ARefusedApiIsNamedWithItsFileAndLine(string statement, string expected)
    {
        var compiled = CompileForward(statement);

        compiled.Compiles.Should().BeFalse();
        compiled.Errors.Should().Contain(error => error.StartsWith("Model.cs:17: " + expected, StringComparison.Ordinal),
            "the statement is on line 17 of Model.cs");
        compiled.FailureVerdict.Should().StartWith("does not compile: Model.cs:");
    }

    [Theory]
    [InlineData("[System.Runtime.InteropServices.DllImport(\"libc\")] private static extern int getpid();", "Model.cs:14: System.Runtime.InteropServices.DllImportAttribute is not allowed: a model may not call native code")]
    [InlineData("private static extern int getpid();", "Model.cs:14: the extern method getpid is not allowed: a model may not call native code")]
    [InlineData("private unsafe int Peek(int* p) => *p;", "Model.cs:14: unsafe code is not allowed in a submission")]
    [InlineData("private static System.IO.Stream? stream;", "Model.cs:14: System.IO.Stream is not allowed")]
    [InlineData("private sealed class Raw : Module<Tensor, Tensor> { public Raw(Tensor t) : base(t.Handle, IntPtr.Zero) { } public override Tensor forward(Tensor t) => t; }", "Model.cs:14: TorchSharp.torch.Tensor.Handle is not allowed: a model may not handle native pointers")]
    [InlineData("private sealed class Raw : Module<Tensor, Tensor> { public Raw() : base((IntPtr)1, (IntPtr)1) { } public override Tensor forward(Tensor t) => t; }", "Model.cs:14: TorchSharp.torch.nn.Module is not allowed: a model may not handle native pointers")]
    [InlineData("~Model() { }", "Model.cs:14: a finalizer is not allowed: it runs on another thread")]
    [InlineData("[Reqnroll.Binding] private sealed class Hooks { [Reqnroll.AfterScenario] public void Pass() { } }", "Model.cs:14: Reqnroll.BindingAttribute is not allowed: a model may not reach the runner of the specification")]
    [InlineData("private async void Run() { }", "Model.cs:14: async methods are not allowed")]
    public void ARefusedDeclarationIsNamedWithItsFileAndLine(string member, string expected)
    {
        var compiled = Compile(Model(member, "return conv.call(x);"));

        compiled.Errors.Should().Contain(error => error.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void DefineAndTypesInSystemNamespacesAreRefused()
    {
        var folder = Scratch();
        File.WriteAllText(Path.Combine(folder, "Model.cs"), "#define DEBUG\n" + Model("", "System.Diagnostics.Debug.Assert(false);\n        return conv.call(x);"));
        File.WriteAllText(Path.Combine(folder, "Attribute.cs"), "namespace System.Runtime.CompilerServices { [AttributeUsage(AttributeTargets.Method)] public sealed class ModuleInitializerAttribute : Attribute { } }\n");

        var compiled = SubmissionCompiler.Compile("Probe", folder, Path.Combine(folder, "out", "Probe.dll"));

        compiled.Errors.Should().Contain(error => error.StartsWith("Model.cs:1: #define and #undef are not allowed", StringComparison.Ordinal))
            .And.Contain(error => error.StartsWith("Attribute.cs:1: the namespace System.Runtime.CompilerServices is not allowed", StringComparison.Ordinal));
    }

    [Fact]
    public void WhatAModelNeedsIsAllowed()
    {
        var compiled = CompileForward("""
            var sizes = new List<long> { 1, 2 }.Select(size => size * 2).ToArray(); Console.WriteLine($"{Math.Sqrt(sizes.Sum())}{Environment.NewLine}"); if (x.dim() != 4) throw new ArgumentException(nameof(x)); var sb = new System.Text.StringBuilder(); using var scope = torch.NewDisposeScope(); var y = functional.relu(x) + 1; Console.Write(y.shape.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            """);

        compiled.Errors.Should().BeEmpty();
    }

    private static CompiledSubmission CompileForward(string statement) => Compile(Model("", statement + "\n        return conv.call(x);"));

    // The statement in forward lands on line 17, a member on line 14.
    private static string Model(string member, string forward) => $$"""
        using ConvSpecs.Models;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        namespace Students.Probe;

        [Variant(2)]
        public sealed class Model : Module<Tensor, Tensor>
        {
            private readonly Conv2d conv = Conv2d(3, 64, 2, stride: 2, padding: 0L);
            public Model() : base(nameof(Model)) => RegisterComponents();
            {{member}}
            public override Tensor forward(Tensor x)
            {
                {{forward}}
            }
        }
        """;

    private static CompiledSubmission Compile(string source)
    {
        var folder = Scratch();
        File.WriteAllText(Path.Combine(folder, "Model.cs"), source);
        return SubmissionCompiler.Compile("Probe", folder, Path.Combine(folder, "out", "Probe.dll"));
    }

    private static string Scratch() => Directory.CreateTempSubdirectory("convspecs-allowlist-").FullName;
}
