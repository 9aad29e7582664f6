namespace L1Lab.Cli.Tests.Workshop;

/// <summary>
/// The test classes that grade under the sandbox run one after another and alone, after the parallel classes, so their
/// per-cell time limits are not measured on a machine busy with other tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SandboxedGrading
{
    /// <summary>The collection's name, for <c>[Collection(SandboxedGrading.Name)]</c>.</summary>
    public const string Name = "Sandboxed grading";
}
