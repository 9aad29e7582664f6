namespace L1Lab.Cli.Book;

/// <summary>
/// The files every page loads from assets/: KaTeX (vendored from npm, see Assets/refresh-katex.sh), the book's
/// stylesheet and script, and plotly.js when the library provides it. They are embedded in this app, so a build needs
/// no network and no npm.
/// </summary>
static class BookAssets
{
    const string Prefix = "book/";

    /// <summary>plotly.js's file name under assets/.</summary>
    public const string PlotlyFile = "plotly.min.js";

    /// <summary>plotly.js's source, as the L1Lab library carries it (the same copy notebooks and reports use).</summary>
    public static string? PlotlyScript => L1Lab.Visuals.PlotlyScript.Text;

    /// <summary>Writes every asset under <paramref name="assets"/>.</summary>
    public static void Write(string assets, bool withPlotly)
    {
        var assembly = typeof(BookAssets).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(assets, name[Prefix.Length..].Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var source = assembly.GetManifestResourceStream(name)!;
            using var target = File.Create(path);
            source.CopyTo(target);
        }
        if (withPlotly && PlotlyScript is { } plotly)
        {
            File.WriteAllText(Path.Combine(assets, PlotlyFile), plotly);
            File.WriteAllText(Path.Combine(assets, PlotlyFile + ".LICENSE.txt"), L1Lab.Visuals.PlotlyScript.License);
        }
    }
}
