// Each test class drives one dotnet-interactive process (Roslyn, NuGet restore, TorchSharp): on a 2-core machine
// they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
