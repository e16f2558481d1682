using System.Globalization;
using ConvSpecs.Reports;

namespace ConvSpecs.Drivers.Training;

/// <summary>
/// The images one task trains on and is judged by, and why these. The model never trains on the validation or test
/// images: validation is held out of the training file (or is the .npz's own split), test is a separate file.
/// </summary>
public sealed record ExperimentData(ImageSource Source, string Why, ImageSplit Train, ImageSplit? Validation, ImageSplit Test)
{
    public void Record(ScenarioEvidence evidence)
    {
        evidence.Record("data set", Source switch
        {
            ImageSource.Cifar10 => "CIFAR-10",
            ImageSource.Mnist => "MNIST (data/mnist-10k)",
            _ => $"prepared .npz ({Train.Images.Name.Split('/')[0]})",
        });
        evidence.Record("why this data set", Why);
        Record(evidence, "training", Train);
        if (Validation is { } validation) Record(evidence, "validation", validation);
        Record(evidence, "test", Test);
    }

    private static void Record(ScenarioEvidence evidence, string split, ImageSplit images)
    {
        evidence.Record($"{split} images", images.Count, "images");
        evidence.Record($"{split} images, from", images.Description);
        evidence.Record($"{split} source SHA-256", images.Images.SourceSha256);
        evidence.Record($"{split} image shape", string.Create(CultureInfo.InvariantCulture, $"({images.Images.Channels}, {images.Images.Height}, {images.Images.Width})"));
    }
}
