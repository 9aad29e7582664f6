namespace L1Lab.Interactive.Tests;

/// <summary>The tests that share one installed <see cref="DotnetInteractiveTool"/> for the whole run.</summary>
[CollectionDefinition(Name)]
public sealed class DotnetInteractiveCollection : ICollectionFixture<DotnetInteractiveTool>
{
    public const string Name = "dotnet-interactive";
}
