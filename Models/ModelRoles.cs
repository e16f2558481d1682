namespace ConvSpecs.Models;

/// <summary>The roles a variant's models can take, and the default input of each variant.</summary>
public static class ModelRoles
{
    public const string Padding0 = "padding0";
    public const string Padding1 = "padding1";

    /// <summary>The role a [Variant] without Role takes; variant 2's main model is its padding=0 one.</summary>
    public static string MainRole(int variant) => variant == 2 ? Padding0 : "";

    /// <summary>One sample's (C, H, W) when [Variant] does not say: the assignment fixes (3, 64, 64) for variant 6.</summary>
    public static long[] DefaultInput(int variant) => variant == 6 ? [3, 64, 64] : [3, 32, 32];
}
