using System.Runtime.InteropServices;
using L1Lab.Notebooks;

namespace L1Lab.Cli;

/// <summary>The one line that says where a run happened, for reports: OS, cores, .NET, the pinned TorchSharp, the date.</summary>
static class MachineDescription
{
    /// <summary>E.g. "Debian GNU/Linux 12, 2 cores, .NET 10.0.0, TorchSharp-cpu 0.107.0, 2026-12-06" (TorchSharp's version from <see cref="PackagePins"/>).</summary>
    public static string Now() =>
        $"{RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, TorchSharp-cpu {PackagePins.VersionOf("TorchSharp-cpu") ?? "(unpinned)"}, {DateTime.UtcNow:yyyy-MM-dd}";
}
