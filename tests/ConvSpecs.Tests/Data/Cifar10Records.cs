namespace ConvSpecs.Tests.Data;

/// <summary>Builds CIFAR-10 binary records byte by byte: a label, then 32×32 red, green and blue planes, row by row.</summary>
internal static class Cifar10Records
{
    public static byte[] Record(byte label, Func<int, int, int, byte> pixel) =>
        [label, .. from channel in Enumerable.Range(0, 3)
                   from row in Enumerable.Range(0, 32)
                   from column in Enumerable.Range(0, 32)
                   select pixel(channel, row, column)];

    /// <summary>One flat-grey record per label, in order.</summary>
    public static byte[] Batch(params byte[] labels) => [.. labels.SelectMany(label => Record(label, (_, _, _) => 128))];

    /// <summary>The files of cifar-10-batches-bin: data batch b holds one record labelled b, the test batch one labelled 0.</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> BatchesFolder() =>
        [.. Enumerable.Range(1, 5).Select(b => ($"data_batch_{b}.bin", Batch((byte)b))), ("test_batch.bin", Batch(0))];
}
