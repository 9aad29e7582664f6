namespace L1Lab.Notebooks.Tests;

/// <summary>
/// The engine knows nothing of the course library: a cell that uses L1Lab references it, as notebooks do.
/// These tests reference the copy built next to them.
/// </summary>
static class TestLibrary
{
    /// <summary>An <c>#r</c> line for L1Lab.dll, to start a cell with.</summary>
    public static string Reference { get; } = $"#r \"{Path.Combine(AppContext.BaseDirectory, "L1Lab.dll")}\"";
}
