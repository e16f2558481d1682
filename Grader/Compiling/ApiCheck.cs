using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ConvSpecs.Grader.Compiling;

/// <summary>
/// Checks every symbol a submission names against <see cref="ApiAllowList"/> with Roslyn's semantic model: each type,
/// method, property, field, event, operator and attribute that a name, a target-typed new or an operator binds to.
/// Also refused: <c>dynamic</c> (it binds at run time, past this check), <c>extern</c> methods and unsafe code.
/// The student's own types are always allowed; what they derive from or call is checked where it is named.
/// </summary>
public static class ApiCheck
{
    /// <summary>"Model.cs:12: System.IO.File.ReadAllText is not allowed: a model may not read or write files or streams", at most <paramref name="limit"/>.</summary>
    public static IReadOnlyList<string> Refusals(CSharpCompilation compilation, int limit)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        var refusals = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            // using directives name only namespaces and types; what is used through them is checked where it is used
            var root = tree.GetRoot();
            // directives sit in trivia, often a using directive's: they are looked for on their own
            foreach (var node in root.DescendantNodes(child => child is not UsingDirectiveSyntax)
                         .Concat(root.DescendantTrivia().Where(trivia => trivia.IsKind(SyntaxKind.DefineDirectiveTrivia) || trivia.IsKind(SyntaxKind.UndefDirectiveTrivia))
                             .Select(trivia => trivia.GetStructure()!)))
            {
                if (Refusal(node, model, compilation.Assembly) is not { } refusal) continue;
                var line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                var text = string.Create(CultureInfo.InvariantCulture, $"{tree.FilePath}:{line}: {refusal}");
                if (seen.Add(text)) refusals.Add(text);
                if (refusals.Count == limit) return refusals;
            }
        }
        return refusals;
    }

    private static string? Refusal(SyntaxNode node, SemanticModel model, IAssemblySymbol own) => node switch
    {
        // var is whatever it infers; what is done with the value is checked where it is done
        IdentifierNameSyntax { IsVar: true } => null,
        // File in File.ReadAllText: the member names the API ("System.IO.File.ReadAllText"), and is checked itself
        SimpleNameSyntax { Parent: MemberAccessExpressionSyntax access } name when access.Expression == name && model.GetSymbolInfo(name).Symbol is ITypeSymbol => null,
        MethodDeclarationSyntax method when method.Modifiers.Any(SyntaxKind.ExternKeyword) =>
            $"the extern method {method.Identifier.Text} is not allowed: a model may not call native code",
        LocalFunctionStatementSyntax function when function.Modifiers.Any(SyntaxKind.ExternKeyword) =>
            $"the extern function {function.Identifier.Text} is not allowed: a model may not call native code",
        UnsafeStatementSyntax => "unsafe code is not allowed in a submission",
        MemberDeclarationSyntax member when member.Modifiers.Any(SyntaxKind.UnsafeKeyword) => "unsafe code is not allowed in a submission",
        PointerTypeSyntax or FunctionPointerTypeSyntax => "pointers are not allowed in a submission (unsafe code)",
        // #define DEBUG would bring back Debug.Assert and Debug.Fail, which end the process
        DefineDirectiveTriviaSyntax or UndefDirectiveTriviaSyntax => "#define and #undef are not allowed in a submission",
        // code that runs on another thread, outside the scenario: the finalizer thread, the thread pool after an await
        DestructorDeclarationSyntax => "a finalizer is not allowed: it runs on another thread, outside the scenario",
        MethodDeclarationSyntax method when method.Modifiers.Any(SyntaxKind.AsyncKeyword) => "async methods are not allowed: they continue on other threads",
        LocalFunctionStatementSyntax function when function.Modifiers.Any(SyntaxKind.AsyncKeyword) => "async functions are not allowed: they continue on other threads",
        AnonymousFunctionExpressionSyntax lambda when lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword) => "async lambdas are not allowed: they continue on other threads",
        // the compiler honours attributes it knows by full name, whoever declares them ([ModuleInitializer] runs code at load)
        BaseNamespaceDeclarationSyntax space when space.Name.ToString() is "System" or "Microsoft" || space.Name.ToString().StartsWith("System.", StringComparison.Ordinal)
            || space.Name.ToString().StartsWith("Microsoft.", StringComparison.Ordinal) =>
            $"the namespace {space.Name} is not allowed: a submission may not declare types in the System or Microsoft namespaces",
        SimpleNameSyntax or ImplicitObjectCreationExpressionSyntax or ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax or BinaryExpressionSyntax or PrefixUnaryExpressionSyntax
            or PostfixUnaryExpressionSyntax or ElementAccessExpressionSyntax or AssignmentExpressionSyntax or CastExpressionSyntax =>
            Symbol(model.GetSymbolInfo(node)) is { } symbol ? Check(symbol, own) : null,
        _ => null,
    };

    private static ISymbol? Symbol(SymbolInfo info) => info.Symbol ?? info.CandidateSymbols.FirstOrDefault();

    /// <summary>Why the symbol is refused, or null when it is allowed.</summary>
    public static string? Check(ISymbol symbol, IAssemblySymbol own)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        switch (symbol)
        {
            case INamespaceSymbol or ILocalSymbol or IParameterSymbol or ILabelSymbol or IRangeVariableSymbol or ITypeParameterSymbol or IDiscardSymbol:
                return null;
            case IDynamicTypeSymbol:
                return "dynamic is not allowed: it binds at run time, past the compile-time check of what a submission calls";
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return "pointers are not allowed in a submission (unsafe code)";
            case IArrayTypeSymbol array:
                return Check(array.ElementType, own);
            case IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction }:
                return null;
        }
        if (SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, own)) return null;
        if (symbol is IMethodSymbol { ReducedFrom: { } extension }) symbol = extension;
        if (symbol is IMethodSymbol { MethodKind: MethodKind.BuiltinOperator }) return null;
        if (symbol is INamedTypeSymbol { IsAnonymousType: true } or INamedTypeSymbol { TypeKind: TypeKind.Error }) return null;

        // a constructor is named by its type
        var member = symbol is INamedTypeSymbol or IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } ? null : symbol;
        var type = (symbol as INamedTypeSymbol ?? symbol.ContainingType)?.OriginalDefinition;
        if (type is null) return null;
        var name = member is null ? Name(type) : $"{Name(type)}.{member.Name}";

        // a refused type, or one nested in it (torch.utils.tensorboard); a type with allowed members may be named (Console.WriteLine)
        for (var outer = type; outer is not null; outer = outer.ContainingType)
        {
            if (!ApiAllowList.RefusedTypes.TryGetValue(Name(outer), out var refused)) continue;
            var allowed = SymbolEqualityComparer.Default.Equals(outer, type) && refused.AllowedMembers.Length > 0
                && (member is null || refused.AllowedMembers.Contains(member.Name));
            if (!allowed) return NotAllowed(name, refused.Why);
        }

        var space = Outermost(type).ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : "";
        if (space.StartsWith("TorchSharp", StringComparison.Ordinal) && member is not null && TouchesFiles(member))
            return NotAllowed(name, "a model may not save, load or read files");
        if (space.StartsWith("TorchSharp", StringComparison.Ordinal) && member is not null && ApiAllowList.RefusedTorchSharpRuntime.TryGetValue(member.Name, out var runtime))
            return NotAllowed(name, runtime);
        // a TorchSharp constructor or member that takes or gives a native handle (Module(IntPtr, IntPtr), Tensor.Handle)
        if (space.StartsWith("TorchSharp", StringComparison.Ordinal) && HandlesNativePointers(symbol))
            return NotAllowed(name, "a model may not handle native pointers");
        if (ApiAllowList.Namespaces.Contains(space) || ApiAllowList.Types.Contains(Name(Outermost(type)))) return null;
        return NotAllowed(name, ApiAllowList.RefusedNamespaces.Where(item => space == item.Namespace || space.StartsWith(item.Namespace + ".", StringComparison.Ordinal))
            .Select(item => item.Why).FirstOrDefault() ?? ApiAllowList.DefaultWhy);
    }

    private static string NotAllowed(string name, string why) => $"{name} is not allowed: {why}";

    private static bool TouchesFiles(ISymbol member) =>
        ApiAllowList.RefusedTorchSharpMembers.Contains(member.Name)
        || (member is IMethodSymbol method && method.Parameters.Any(parameter =>
            (parameter.Type.SpecialType == SpecialType.System_String && ApiAllowList.FileParameterNames.Contains(parameter.Name))
            || parameter.Type.ContainingNamespace?.ToDisplayString() == "System.IO"));

    private static bool HandlesNativePointers(ISymbol symbol) => symbol switch
    {
        IMethodSymbol method => method.Parameters.Any(parameter => IsPointerSized(parameter.Type)) || IsPointerSized(method.ReturnType),
        IPropertySymbol property => IsPointerSized(property.Type),
        IFieldSymbol field => IsPointerSized(field.Type),
        _ => false,
    };

    private static bool IsPointerSized(ITypeSymbol type) => type.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr;

    private static INamedTypeSymbol Outermost(INamedTypeSymbol type)
    {
        while (type.ContainingType is { } outer) type = outer;
        return type;
    }

    /// <summary>"System.IO.File", "TorchSharp.torch.jit": the namespace and the type's nesting, without type arguments.</summary>
    private static string Name(INamedTypeSymbol type) =>
        type.ContainingType is { } outer ? $"{Name(outer)}.{type.Name}"
        : type.ContainingNamespace is { IsGlobalNamespace: false } space ? $"{space.ToDisplayString()}.{type.Name}" : type.Name;
}
