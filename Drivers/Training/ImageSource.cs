namespace ConvSpecs.Drivers.Training;

/// <summary>Where a task's images come from.</summary>
public enum ImageSource
{
    /// <summary>The shipped data/mnist-10k digits (for variant 4 padded to 32×32 and repeated over 3 channels).</summary>
    Mnist,

    /// <summary>CIFAR-10's binary batches in data/cifar-10-batches-bin.</summary>
    Cifar10,

    /// <summary>A prepared .npz with X_train, y_train, X_val, y_val, X_test, y_test (seed 003's notMNIST).</summary>
    Npz,
}
