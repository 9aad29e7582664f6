using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace L1Lab.Notebooks;

/// <summary>
/// How a cell's C# is parsed, defined once for everything that reads cells: the engine compiling them, the
/// parameters cell and loop rewriting, and the kernel's completeness and completion answers. Cells are scripts
/// (top-level statements and expressions, <c>#r</c> directives), in the newest language version the compiler knows.
/// </summary>
public static class CellSyntax
{
    /// <summary>Roslyn's script parse options for a cell.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(kind: SourceCodeKind.Script, languageVersion: LanguageVersion.Latest);
}
