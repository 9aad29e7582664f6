using BenchmarkDotNet.Running;
using L1Lab.Benchmarks;

// `memory` is a measured script (peak RSS per epoch); everything else goes to BenchmarkDotNet.
if (args is ["memory", ..])
    return MemoryScript.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(MemoryScript).Assembly).Run(args);
return 0;
