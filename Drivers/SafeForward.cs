using ConvSpecs.Models;
using TorchSharp.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpecs.Drivers;

/// <summary>
/// Runs a student's forward pass and turns every way it can go wrong into a <see cref="ModelProblem"/>
/// that says what happened and where: an exception names the layer that threw with what it expected and got,
/// a NaN or Inf output the first layer whose output went non-finite (<see cref="ForwardDiagnosis"/>).
/// </summary>
public static class SafeForward
{
    /// <summary>The output, detached and owned by the caller (outside any dispose scope).</summary>
    public static Tensor Evaluate(nn.Module<Tensor, Tensor> model, Tensor input, string who)
    {
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var output = Call(model, input, who);
        return output.detach().DetachFromDisposeScope();
    }

    /// <summary>One forward pass whose output must be finite; grads flow, so the caller owns the scope.</summary>
    public static Tensor Call(nn.Module<Tensor, Tensor> model, Tensor input, string who)
    {
        Tensor? output;
        try
        {
            output = model.call(input);
        }
        catch (Exception thrown) when (thrown is not ModelProblem)
        {
            throw new ModelProblem(Explain(model, input, who, thrown), thrown);
        }
        if (output is null) throw new ModelProblem($"{who}: forward returned null instead of a tensor.");
        CheckFinite(model, input, output, who);
        return output;
    }

    private static void CheckFinite(nn.Module<Tensor, Tensor> model, Tensor input, Tensor output, string who)
    {
        // one reduction when all is well: training runs this on every batch
        if (!output.is_floating_point() || isfinite(output).all().ToBoolean()) return;
        var nan = isnan(output).sum().ToInt64();
        var inf = isinf(output).sum().ToInt64();
        if (nan + inf > 0)
            throw new ModelProblem($"{who}: the output {Shape.Format(output.shape)} contains {nan} NaN and {inf} infinite values out of {output.numel()}. " +
                                   ForwardDiagnosis.FirstNonFinite(model, input));
    }

    private static string Explain(nn.Module<Tensor, Tensor> model, Tensor input, string who, Exception thrown)
    {
        var (firstName, firstConv) = model.named_modules().Where(named => named.module is Conv2d).Select(named => (named.name, (Conv2d)named.module)).FirstOrDefault();
        if (input.dim() == 4 && firstConv is not null && firstConv.in_channels != input.shape[1])
            return $"{who}: forward failed on input {Shape.Format(input.shape)}: the first Conv2d expects {firstConv.in_channels} input channels " +
                   $"but the input has {input.shape[1]} (Conv2d '{LayerNames.Readable(firstName)}'). Declare [Variant(..., Input = new[] {{ {firstConv.in_channels}, H, W }})] " +
                   $"or build the first Conv2d with {input.shape[1]} input channels.";
        var firstLine = thrown.Message.Split('\n', 2)[0].Trim();
        var where = ForwardDiagnosis.WhereItThrew(model, input);
        return where is null
            ? $"{who}: forward threw {thrown.GetType().Name} on input {Shape.Format(input.shape)}: {firstLine}"
            : $"{who}: forward failed on input {Shape.Format(input.shape)}: {where} (TorchSharp said: {firstLine})";
    }
}
