using L1Lab.Data;

namespace L1Lab.Benchmarks;

/// <summary>MNIST, loaded once per benchmark process.</summary>
static class Shared
{
    static readonly Lazy<TrainTest> Data = new(() => Mnist.Load(DataPaths.FindDataDirectory()));

    public static ImageDataset Train => Data.Value.Train;
    public static ImageDataset Test => Data.Value.Test;
}
