namespace L1Lab.Authoring.Book;

/// <summary>
/// The files every page loads from assets/: KaTeX (vendored from npm, see Assets/refresh-katex.sh), the book's
/// stylesheet and script, and plotly.js when the caller provides it (the CLI passes the course library's copy). They are
/// embedded in this assembly, so a build needs no network and no npm.
/// </summary>
static class BookAssets
{
    const string Prefix = "book/";

    /// <summary>plotly.js's file name under assets/.</summary>
    public const string PlotlyFile = "plotly.min.js";

    /// <summary>Writes every asset under <paramref name="assets"/>, plotly.js too when <paramref name="plotly"/> is given.</summary>
    public static void Write(string assets, PlotlyAsset? plotly)
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
        if (plotly is not null)
        {
            File.WriteAllText(Path.Combine(assets, PlotlyFile), plotly.Script);
            File.WriteAllText(Path.Combine(assets, PlotlyFile + ".LICENSE.txt"), plotly.License);
        }
    }
}
