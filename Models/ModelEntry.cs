using System.Reflection;
using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpecs.Models;

/// <summary>One [Variant] (or [PoolingTask]) model of a submission: where it is declared and how to build it.</summary>
public sealed record ModelEntry(string Submission, string Task, string Role, long[] Input, MemberInfo Source, string? ContractViolation)
{
    public string SourceName => Source is Type type ? type.FullName! : $"{Source.DeclaringType!.FullName}.{Source.Name}()";

    /// <summary>Builds a fresh instance; a broken contract or a throwing constructor becomes a <see cref="ModelProblem"/>.</summary>
    public nn.Module<Tensor, Tensor> Create()
    {
        if (ContractViolation is not null) throw new ModelProblem(ContractViolation);
        try
        {
            return Source switch
            {
                Type type => (nn.Module<Tensor, Tensor>)Activator.CreateInstance(type)!,
                MethodInfo method => (nn.Module<Tensor, Tensor>?)method.Invoke(null, null)
                    ?? throw new ModelProblem($"{SourceName} returned null instead of a model."),
                _ => throw new InvalidOperationException($"Unexpected source {Source}"),
            };
        }
        catch (TargetInvocationException thrown) when (thrown.InnerException is { } inner)
        {
            throw new ModelProblem(
                $"{SourceName} ({ModelRoles.Describe(Task)}{RoleText}) could not be built: its constructor threw {inner.GetType().Name}: {inner.Message}", inner);
        }
    }

    private string RoleText => Role.Length == 0 ? "" : $", role {Role}";
}
