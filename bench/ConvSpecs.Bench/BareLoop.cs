using System.Diagnostics;
using ConvSpecs.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpecs.Bench;

/// <summary>
/// Training with nothing around it, the way seed 000 wrote it in PyTorch: a random order per epoch, then per batch
/// zero_grad, forward, cross-entropy, loss.item(), backward, step; each batch in a dispose scope.
/// </summary>
public static class BareLoop
{
    public static Measurement Run(string implementation, string net, Func<nn.Module<Tensor, Tensor>> build, LabeledImages digits, int epochs, int steps, int batch)
    {
        random.manual_seed(1);
        using var images = from_array(digits.Pixels).view(digits.Count, digits.Channels, digits.Height, digits.Width);
        using var labels = from_array(digits.Labels);
        using var model = build();
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        model.train();

        var (seconds, rss) = (new List<double>(), new List<double>());
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            using var order = randperm(digits.Count);
            var watch = Stopwatch.StartNew();
            for (var step = 0; step < steps; step++)
            {
                using var scope = NewDisposeScope();
                var chosen = order[TensorIndex.Slice(step * batch, (step + 1) * batch)];
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(images.index_select(0, chosen)), labels.index_select(0, chosen));
                loss.ToSingle();
                loss.backward();
                optimizer.step();
            }
            seconds.Add(watch.Elapsed.TotalSeconds);
            rss.Add(Measurement.ResidentMiB());
        }
        return new Measurement(implementation, net, get_num_threads(), batch, steps, [.. seconds], [.. rss], Measurement.ResidentMiB("VmHWM"));
    }
}
