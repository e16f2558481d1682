using System.Text.RegularExpressions;

namespace ConvSpecs.Drivers;

/// <summary>
/// A layer's name as the student wrote it: TorchSharp names a field "conv1" and the third layer of a Sequential field
/// "layers.2"; the student reads that as layers[2].
/// </summary>
public static partial class LayerNames
{
    public static string Readable(string name) => Index().Replace(name, "[$1]");

    [GeneratedRegex(@"\.(\d+)(?=\.|$)")]
    private static partial Regex Index();
}
