using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>
/// Reads the source of a model's classes for functional TorchSharp calls (functional.conv2d, functional.pad,
/// x.relu(), torch.matmul, …). Forward hooks see only layers called with .call(x); a convolution or an
/// activation written as a function runs unseen, so the rules it affects look here. Calls are resolved with
/// Roslyn's semantic model, so `F.relu`, `functional.relu` and `torch.nn.functional.relu` are the same call.
/// Constructors and field initialisers are left out: they build layers, they do not run the forward.
/// </summary>
public static class ForwardSource
{
    // Lazy values: scenarios run in parallel, and each would otherwise read, parse and bind the same sources at once.
    // Keyed by the compiled assembly (the Type, which belongs to one): every check compiles and loads the folder anew
    // (each save in --watch), so a save is read again, while the scenarios of one run share one read of the folder.
    private static readonly ConcurrentDictionary<(string Folder, Assembly Compiled), Lazy<IReadOnlyList<(string Path, string Text)>>> Sources = new();
    // keyed by the folder too: a tree's path is relative to the folder it was read for (Model.cs, not tests/Mutants/X/Model.cs)
    private static readonly ConcurrentDictionary<(string Folder, Assembly Compiled, string Path), Lazy<SyntaxTree>> Trees = new();
    private static readonly ConcurrentDictionary<(string Folder, Type Type), Lazy<IReadOnlyList<FunctionalCall>?>> Found = new();
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return [.. new[] { typeof(object).Assembly.Location, Path.Combine(runtime, "System.Runtime.dll"), typeof(Enumerable).Assembly.Location,
                typeof(TorchSharp.torch).Assembly.Location, typeof(ForwardSource).Assembly.Location }
            .Where(File.Exists).Distinct().Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    });

    private static readonly Dictionary<string, Operation> Operations = new()
    {
        ["conv1d"] = Operation.Convolution, ["conv2d"] = Operation.Convolution, ["conv3d"] = Operation.Convolution,
        ["conv_transpose1d"] = Operation.Convolution, ["conv_transpose2d"] = Operation.Convolution, ["conv_transpose3d"] = Operation.Convolution,
        ["pad"] = Operation.Padding,
        ["max_pool1d"] = Operation.MaxPooling, ["max_pool2d"] = Operation.MaxPooling, ["max_pool3d"] = Operation.MaxPooling,
        ["adaptive_max_pool1d"] = Operation.MaxPooling, ["adaptive_max_pool2d"] = Operation.MaxPooling, ["adaptive_max_pool3d"] = Operation.MaxPooling,
        ["avg_pool1d"] = Operation.AveragePooling, ["avg_pool2d"] = Operation.AveragePooling, ["avg_pool3d"] = Operation.AveragePooling,
        ["adaptive_avg_pool1d"] = Operation.AveragePooling, ["adaptive_avg_pool2d"] = Operation.AveragePooling, ["adaptive_avg_pool3d"] = Operation.AveragePooling,
        ["relu"] = Operation.Relu, ["relu_"] = Operation.Relu, ["leaky_relu"] = Operation.HomogeneousActivation, ["leaky_relu_"] = Operation.HomogeneousActivation,
        ["relu6"] = Operation.Activation, ["tanh"] = Operation.Activation, ["tanh_"] = Operation.Activation, ["sigmoid"] = Operation.Activation,
        ["sigmoid_"] = Operation.Activation, ["gelu"] = Operation.Activation, ["elu"] = Operation.Activation, ["selu"] = Operation.Activation,
        ["celu"] = Operation.Activation, ["silu"] = Operation.Activation, ["mish"] = Operation.Activation, ["softplus"] = Operation.Activation,
        ["softsign"] = Operation.Activation, ["hardtanh"] = Operation.Activation, ["hardswish"] = Operation.Activation,
        ["hardsigmoid"] = Operation.Activation, ["logsigmoid"] = Operation.Activation, ["tanhshrink"] = Operation.Activation,
        ["softmax"] = Operation.Activation, ["log_softmax"] = Operation.Activation, ["exp"] = Operation.Activation, ["square"] = Operation.Activation,
        ["linear"] = Operation.Linear, ["bilinear"] = Operation.Linear, ["matmul"] = Operation.Linear, ["mm"] = Operation.Linear,
        ["bmm"] = Operation.Linear, ["einsum"] = Operation.Linear, ["addmm"] = Operation.Linear,
    };

    // where TorchSharp declares the operations above: nn.functional, torch itself, and Tensor's methods (x.relu())
    private static readonly Dictionary<string, string> Owners = new()
    {
        ["TorchSharp.torch.nn.functional"] = "functional",
        ["TorchSharp.torch"] = "torch",
        ["TorchSharp.torch.Tensor"] = "Tensor",
    };

    /// <summary>
    /// The functional calls in the forward code of these classes (the model's own and those of its submission-defined
    /// layers), found in <paramref name="folder"/>; null when no source of the model's class is there.
    /// </summary>
    public static IReadOnlyList<FunctionalCall>? Calls(string folder, IEnumerable<Type> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var wanted = classes.Where(type => type.Namespace?.StartsWith("TorchSharp", StringComparison.Ordinal) != true).Distinct().ToList();
        if (wanted.Count == 0 || !Directory.Exists(folder)) return null;
        var calls = new List<FunctionalCall>();
        foreach (var type in wanted)
        {
            var found = Found.GetOrAdd((folder, type), key => new(() => Scan(key.Folder, key.Type))).Value;
            if (found is null && type == wanted[0]) return null;
            calls.AddRange(found ?? []);
        }
        return calls.Distinct().OrderBy(call => call.File, StringComparer.Ordinal).ThenBy(call => call.Line).ThenBy(call => call.Column).ToList();
    }

    /// <summary>The classes whose forward code matters: the model's and those of its layers that the submission wrote.</summary>
    public static IEnumerable<Type> ClassesOf(nn.Module model, Type? declared)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (declared is not null) yield return declared;
        yield return model.GetType();
        foreach (var (_, module) in model.named_modules())
            if (!LayerKinds.IsTorchSharp(module)) yield return module.GetType();
    }

    private static IReadOnlyList<FunctionalCall>? Scan(string folder, Type type)
    {
        // only the files that mention the class are parsed: the repository holds hundreds that do not
        var name = type.Name.Split('`')[0];
        var fullName = type.FullName ?? type.Name;
        var declarations = Sources.GetOrAdd((folder, type.Assembly), key => new(() => Read(key.Folder))).Value.Where(source => source.Text.Contains(name, StringComparison.Ordinal))
            .Select(source => Trees.GetOrAdd((folder, type.Assembly, source.Path), _ => new(() => Parse(source))).Value)
            .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>())
            .Where(declaration => declaration.Identifier.Text == name && FullNameOf(declaration) == fullName).ToList();
        if (declarations.Count == 0) return null;

        // the semantic model only for invocations named like an operation: binding is Roslyn's costly part
        var named = declarations.SelectMany(declaration => declaration.Members.Where(RunsAtForward))
            .SelectMany(member => member.DescendantNodes().OfType<InvocationExpressionSyntax>())
            .Where(invocation => InvokedName(invocation) is { } invoked && Operations.ContainsKey(invoked)).ToList();
        if (named.Count == 0) return [];
        var trees = named.Select(invocation => invocation.SyntaxTree).Distinct().ToList();
        var compilation = CSharpCompilation.Create("ForwardSource", trees, References.Value);
        return [.. named.Select(invocation => Resolve(compilation.GetSemanticModel(invocation.SyntaxTree), invocation)).OfType<FunctionalCall>()];
    }

    // "functional.relu(x)" → relu, "x.relu()" → relu, "relu(x)" → relu
    private static string? InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.Text,
        SimpleNameSyntax simple => simple.Identifier.Text,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.Text,
        _ => null,
    };

    // Namespace.Outer+Inner, as reflection names it
    private static string FullNameOf(TypeDeclarationSyntax declaration)
    {
        var types = declaration.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().Select(type => type.Identifier.Text).Reverse();
        var spaces = declaration.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Select(space => space.Name.ToString()).Reverse().ToList();
        var typeName = string.Join("+", types);
        return spaces.Count == 0 ? typeName : $"{string.Join(".", spaces)}.{typeName}";
    }

    // constructors and field initialisers build the layers; every other member may run in forward
    private static bool RunsAtForward(MemberDeclarationSyntax member) => member is MethodDeclarationSyntax or PropertyDeclarationSyntax or OperatorDeclarationSyntax;

    private static FunctionalCall? Resolve(SemanticModel model, InvocationExpressionSyntax invocation)
    {
        var info = model.GetSymbolInfo(invocation);
        if ((info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) is not IMethodSymbol method) return null;
        if (!Operations.TryGetValue(method.Name, out var operation)) return null;
        if (!Owners.TryGetValue(method.ContainingType.ToDisplayString(), out var owner)) return null;
        var span = invocation.GetLocation().GetLineSpan();
        return new FunctionalCall($"{owner}.{method.Name}", operation, span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    private static IReadOnlyList<(string Path, string Text)> Read(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "artifacts" or ".git"))
            .Where(path => new FileInfo(path).Length < 1 << 20)
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetRelativePath(folder, path).Replace('\\', '/'), File.ReadAllText(path)))];

    private static SyntaxTree Parse((string Path, string Text) source) =>
        CSharpSyntaxTree.ParseText(source.Text, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), source.Path);
}
