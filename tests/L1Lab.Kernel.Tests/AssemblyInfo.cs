// Each test starts a kernel process (Roslyn + TorchSharp); on a 2-core machine they run one at a time, so the
// interrupt and shutdown timings measure the kernel, not a crowded CPU.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
