namespace L1Lab.Cli.Tests.Workshop;

/// <summary>
/// The test classes that grade under the sandbox run one after another. Every sandboxed child runs as <c>nobody</c>,
/// and the kernel counts the process limit (RLIMIT_NPROC) per user across namespaces, so one class's fork bomb would
/// starve another class's grading, and one class's leftover check would count the other's children. They also run
/// alone, after the parallel classes, so their per-cell time limits are not measured on a machine busy with other tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SandboxedGrading
{
    /// <summary>The collection's name, for <c>[Collection(SandboxedGrading.Name)]</c>.</summary>
    public const string Name = "Sandboxed grading";
}
