using ConvSpecs.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Students.MarkupInMessages;

/// <summary>Its messages carry HTML, markdown links and a fence breaker: the reports must show them as text.</summary>
[Variant(2)]
public sealed class Model : Module<Tensor, Tensor>
{
    public const string Payload =
        "</pre><script>alert('pwned')</script><img src=x onerror=alert(1)> [click](javascript:alert(1)) ![x](https://evil.example/x.png)\n```\n# forged heading\n\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007";

    private readonly Conv2d conv = Conv2d(3, 64, 2, stride: 2, padding: 0L);

    public Model() : base("<b onmouseover=alert(1)>Model</b>") => RegisterComponents();

    public override Tensor forward(Tensor x) => throw new InvalidOperationException(Payload);
}
