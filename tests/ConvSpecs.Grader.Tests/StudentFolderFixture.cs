namespace ConvSpecs.Grader.Tests;

/// <summary>
/// Students' folders as a student writes them, in a temporary folder of submissions (deleted after the tests):
/// Good (variant 2 right), OneFailingRule (four convolutions where at most 3 may run), PaddingZero (variant 2 right,
/// variant 3 in a file with `padding: 0`, which does not compile).
/// </summary>
public sealed class StudentFolderFixture : IDisposable
{
    public StudentFolderFixture()
    {
        Write("Good", "Net.cs", VariantTwo("Good", "MyNet", """
                private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 1);
                private readonly Conv2d conv2 = Conv2d(32, 64, 2, stride: 2, padding: 0L);
                private readonly ReLU relu = ReLU();
            """, """
                public override Tensor forward(Tensor x)
                {
                    var unused = 42;   // a warning, not an error
                    return relu.call(conv2.call(relu.call(conv1.call(x))));
                }
            """));
        Write("OneFailingRule", "Net.cs", VariantTwo("OneFailingRule", "FourConvolutions", """
                private readonly Conv2d conv1 = Conv2d(3, 32, 3, padding: 1), conv2 = Conv2d(32, 32, 3, padding: 1), conv3 = Conv2d(32, 32, 3, padding: 1);
                private readonly Conv2d conv4 = Conv2d(32, 64, 2, stride: 2, padding: 0L);
                private readonly ReLU relu = ReLU();
            """, """
                public override Tensor forward(Tensor x) => relu.call(conv4.call(relu.call(conv3.call(relu.call(conv2.call(relu.call(conv1.call(x))))))));
            """));
        Write("PaddingZero", "Net.cs", File.ReadAllText(Path.Combine(Root, "Good", "Net.cs")).Replace("Models.Good", "Models.PaddingZero", StringComparison.Ordinal));
        Write("PaddingZero", "Deep.cs", """
            using ConvSpecs.Models;
            using TorchSharp.Modules;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            namespace ConvSpecs.Models.PaddingZero;

            [Variant(3)]
            public sealed class Deep : Module<Tensor, Tensor>
            {
                private readonly Conv2d conv1 = Conv2d(3, 64, 3, padding: 0);

                public Deep() : base(nameof(Deep)) => RegisterComponents();

                public override Tensor forward(Tensor x) => conv1.call(x);
            }
            """);
    }

    /// <summary>The folder of submissions, as Models/ is.</summary>
    public string Root { get; } = Directory.CreateTempSubdirectory("convspecs-students-").FullName;

    /// <summary>Where the check writes its assemblies and evidence.</summary>
    public string Work => Path.Combine(Root, ".work");

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private void Write(string student, string file, string text)
    {
        Directory.CreateDirectory(Path.Combine(Root, student));
        File.WriteAllText(Path.Combine(Root, student, file), text);
    }

    private static string VariantTwo(string student, string name, string fields, string forward) => $$"""
        using ConvSpecs.Models;
        using TorchSharp.Modules;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        namespace ConvSpecs.Models.{{student}};

        [Variant(2)]
        public sealed class {{name}} : Module<Tensor, Tensor>
        {
        {{fields}}

            public {{name}}() : base(nameof({{name}})) => RegisterComponents();

        {{forward}}
        }
        """;
}
