namespace ConvSpecs.Grader.Compiling;

/// <summary>
/// What a submission may call, in one place (README, "What a submission may call"). A model needs TorchSharp's
/// tensors and modules, System's basic types, Math and exceptions, collections and LINQ; it needs no files, processes,
/// reflection, native code, threads, environment or console streams, and refusing them at compile time means a
/// submission cannot forge the worker's reports, read other students' work or leave the sandbox's limits behind
/// through them. Everything not allowed here is refused, so a new API is refused until someone allows it.
/// </summary>
public static class ApiAllowList
{
    /// <summary>Namespaces whose types a submission may use (exactly these; their sub-namespaces are listed separately).</summary>
    public static readonly IReadOnlySet<string> Namespaces = new HashSet<string>(StringComparer.Ordinal)
    {
        "System",
        "System.Collections",
        "System.Collections.Generic",
        "System.Collections.ObjectModel",
        "System.Collections.Immutable",
        "System.Linq",
        "System.Text",
        "System.Globalization",
        "System.Numerics",
        "System.Diagnostics.CodeAnalysis",
        "TorchSharp",
        "TorchSharp.Modules",
        "TorchSharp.Utils",
    };

    /// <summary>Types allowed outside those namespaces.</summary>
    public static readonly IReadOnlySet<string> Types = new HashSet<string>(StringComparer.Ordinal)
    {
        "ConvSpecs.Models.VariantAttribute",
        "ConvSpecs.Models.PoolingTaskAttribute",
        "ConvSpecs.Models.AssignmentModelAttribute",
        "ConvSpecs.Models.ModelRoles",
        "System.Diagnostics.Stopwatch",
    };

    /// <summary>
    /// Types refused although their namespace is allowed, and why; a type listed with members allows only those members.
    /// Nested types are written with '.', as C# does (TorchSharp.torch.jit).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (string Why, string[] AllowedMembers)> RefusedTypes =
        new Dictionary<string, (string, string[])>(StringComparer.Ordinal)
        {
            ["System.Console"] = ("only Console.Write and Console.WriteLine are allowed, not the console's streams", ["Write", "WriteLine"]),
            ["System.Environment"] = ("a model may not read the environment or end the process", ["NewLine"]),
            ["System.AppContext"] = ("a model may not read or change the runtime's settings", []),
            ["System.AppDomain"] = ("a model may not load assemblies or watch the process", []),
            ["System.Activator"] = ("a model may not create types by name (reflection)", []),
            ["System.Type"] = ("a model may not use reflection", ["Name", "FullName", "Namespace", "ToString", "Equals", "GetHashCode", "op_Equality", "op_Inequality"]),
            ["System.Delegate"] = ("a model may not build or call delegates through reflection", []),
            ["System.MulticastDelegate"] = ("a model may not build or call delegates through reflection", []),
            ["System.RuntimeMethodHandle"] = ("a model may not use reflection", []),
            ["System.RuntimeTypeHandle"] = ("a model may not use reflection", []),
            ["System.RuntimeFieldHandle"] = ("a model may not use reflection", []),
            ["System.TypedReference"] = ("a model may not use reflection", []),
            ["System.Progress"] = ("a model may not start threads (Progress runs its callback on the thread pool)", []),
            ["System.TimeProvider"] = ("a model may not start timers", []),
            ["System.GC"] = ("a model may not control the garbage collector", []),
            ["System.Threading.Tasks.Parallel"] = ("a model may not start threads or tasks", []),
            ["System.Linq.ParallelEnumerable"] = ("a model may not start threads (PLINQ)", []),
            ["TorchSharp.torch.jit"] = ("a model may not load or save TorchScript files", []),
            ["TorchSharp.torch.export"] = ("a model may not load exported programs from files", []),
            ["TorchSharp.torch.hub"] = ("a model may not download or write files", []),
            ["TorchSharp.torch.utils"] = ("a model may not use TorchSharp's data loaders or TensorBoard writer (files)", []),
            ["TorchSharp.Modules.SummaryWriter"] = ("a model may not write TensorBoard files", []),
            ["TorchSharp.Modules.ScriptModule"] = ("a model may not load or save TorchScript files", []),
            ["TorchSharp.Utils.Decompress"] = ("a model may not read or write files", []),
            ["TorchSharp.Utils.BigEndianReader"] = ("a model may not read files or streams", []),
        };

    /// <summary>Members of TorchSharp refused by name wherever they are: saving and loading touch files.</summary>
    public static readonly IReadOnlySet<string> RefusedTorchSharpMembers = new HashSet<string>(StringComparer.Ordinal)
    {
        "save", "load", "Save", "Load", "from_file", "save_state_dict", "SaveStateDict", "LoadStateDict",
        "ReadBytesFromStream", "WriteBytesToStream",
    };

    /// <summary>
    /// Members of TorchSharp refused by name with their own reason: the worker's one torch thread keeps students graded
    /// side by side fair, and a native handle or pointer handed to libtorch can corrupt memory.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> RefusedTorchSharpRuntime = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["set_num_threads"] = "a model may not change torch's threads (the grader runs each student on one)",
        ["set_num_interop_threads"] = "a model may not change torch's threads (the grader runs each student on one)",
        ["InitializeDeviceType"] = "a model may not load torch's native libraries",
        ["TryInitializeDeviceType"] = "a model may not load torch's native libraries",
        ["InitializeDevice"] = "a model may not load torch's native libraries",
        ["DecoupleFromNativeHandle"] = "a model may not handle native pointers",
        ["data_ptr"] = "a model may not handle native pointers",
    };

    /// <summary>A TorchSharp member is refused too when it takes a string parameter of one of these names: a file or URL.</summary>
    public static readonly IReadOnlySet<string> FileParameterNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "location", "filename", "file_name", "path", "log_dir", "dst", "url", "gzipFileName", "targetDir",
    };

    /// <summary>Why a namespace outside the list is refused, for the message (the longest matching prefix wins).</summary>
    public static readonly IReadOnlyList<(string Namespace, string Why)> RefusedNamespaces =
    [
        ("System.IO", "a model may not read or write files or streams"),
        ("System.Diagnostics", "a model may not start or inspect processes"),
        ("System.Reflection", "a model may not use reflection"),
        ("System.Runtime.InteropServices", "a model may not call native code (interop, P/Invoke, Marshal, GC handles)"),
        ("System.Runtime.CompilerServices", "a model may not use the runtime's compiler services (Unsafe, RuntimeHelpers)"),
        ("System.Runtime.Loader", "a model may not load assemblies"),
        ("System.Runtime", "a model may not use the runtime's internals"),
        ("System.Threading", "a model may not start threads, tasks or timers"),
        ("System.Timers", "a model may not start timers"),
        ("System.Net", "a model may not use the network"),
        ("System.Security", "a model may not use security or cryptography APIs"),
        ("Microsoft.Win32", "a model may not use the registry or native handles"),
        ("ConvSpecs", "a model may not call the specification or the grader (only [Variant], [PoolingTask] and ModelRoles)"),
        ("TorchSharp", "a model may not use TorchSharp's file, data-loading and utility APIs"),
        ("Reqnroll", "a model may not reach the runner of the specification (its scenarios, hooks and results)"),
        ("Xunit", "a model may not reach the test framework"),
    ];

    public const string DefaultWhy = "a model needs only TorchSharp, System's basic types, collections and LINQ";
}
