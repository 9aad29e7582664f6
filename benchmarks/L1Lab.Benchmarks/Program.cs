using BenchmarkDotNet.Running;
using L1Lab.Benchmarks;

// `memory`, `epochs` and `sparse` are measured scripts (peak RSS per epoch, seconds per epoch, dense vs CSR
// inference); everything else goes to BenchmarkDotNet.
if (args is ["memory", ..])
    return MemoryScript.Run(args[1..]);
if (args is ["epochs", ..])
    return EpochScript.Run(args[1..]);
if (args is ["sparse", ..])
    return SparseScript.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(MemoryScript).Assembly).Run(args);
return 0;
