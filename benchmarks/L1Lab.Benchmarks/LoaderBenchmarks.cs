using BenchmarkDotNet.Attributes;
using L1Lab.Data;

namespace L1Lab.Benchmarks;

/// <summary>Loading all 70,000 MNIST images and labels into tensors, with and without SHA-256 verification.</summary>
[MemoryDiagnoser]
public class LoaderBenchmarks
{
    string _folder = "";

    [GlobalSetup]
    public void Setup()
    {
        L1Lab.Native.TorchRuntime.Initialize();
        _folder = DataPaths.FindDataDirectory();
    }

    [Benchmark]
    [Arguments(true)]
    [Arguments(false)]
    public long LoadMnist(bool verifyChecksums)
    {
        using var data = Mnist.Load(_folder, verifyChecksums);
        return data.Train.Count + data.Test.Count;
    }
}
