using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ConvSpecs.Grader.Scale;

/// <summary>
/// One of <see cref="Count"/> slices of a class, numbered from 0 like a Kubernetes Indexed Job's completion index. A
/// student belongs to the slice its folder name hashes to (SHA-256 of the UTF-8 name, first 8 bytes, modulo the count),
/// so the slice depends on the name alone: not on the order on disk, nor on who else submitted. A late submission
/// lands in one shard and moves nobody else, so only that shard needs grading again; sorted names dealt round-robin
/// would balance exactly but shift every student after the newcomer. The price is balance by chance: 600 students in
/// 10 shards give 60 ± 8 each.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    /// <summary>"2/3" (the third of three slices), as the command line and the manifests write it.</summary>
    public static Shard Parse(string text)
    {
        var parts = (text ?? "").Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1 && index < count)
            return new Shard(index, count);
        throw new ArgumentException($"A shard is K/N with N ≥ 1 and K from 0 to N-1 (the Indexed Job's completion index), not '{text}'.");
    }

    public bool Contains(string student) => Of(student, Count) == Index;

    /// <summary>The slice of <paramref name="count"/> that <paramref name="student"/> belongs to.</summary>
    public static int Of(string student, int count)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(student));
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
