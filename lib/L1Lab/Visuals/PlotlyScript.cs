using System.Reflection;

namespace L1Lab.Visuals;

/// <summary>
/// plotly.js, carried inside L1Lab.dll so interactive figures draw with no network: the build takes the minified
/// bundle and its license out of the pinned Plotly.NET package (MIT; see lib/L1Lab/L1Lab.csproj) and embeds them.
/// Notebook figures include <see cref="ScriptTag"/> once per session; report pages and the book include it once per page.
/// </summary>
public static class PlotlyScript
{
    static readonly Lazy<string> LazyText = new(() => Read("L1Lab.Visuals.plotly.min.js"));
    static readonly Lazy<string> LazyLicense = new(() => Read("L1Lab.Visuals.plotly.min.js.LICENSE.txt"));
    static readonly Lazy<string> LazyTag = new(BuildTag);

    /// <summary>The plotly.js version embedded.</summary>
    public static string Version { get; } =
        typeof(PlotlyScript).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "L1Lab.PlotlyJsVersion")?.Value ?? "unknown";

    /// <summary>The minified plotly.js bundle, exactly as shipped in Plotly.NET.</summary>
    public static string Text => LazyText.Value;

    /// <summary>plotly.js's license notices (the bundle is MIT; this lists the licenses of the code it bundles).</summary>
    public static string License => LazyLicense.Value;

    /// <summary>
    /// An HTML <c>&lt;script&gt;</c> element that defines <c>window.Plotly</c> unless it is already defined. The bundle
    /// runs with <c>define</c>, <c>module</c> and <c>exports</c> hidden, so a page that has require.js (Jupyter
    /// Notebook 6) still gets the global instead of an anonymous AMD module.
    /// </summary>
    public static string ScriptTag => LazyTag.Value;

    static string BuildTag() =>
        $"<script type=\"text/javascript\">/* plotly.js {Version}, MIT license, embedded in L1Lab.dll (L1Lab.Visuals.PlotlyScript) */\n" +
        "if (!window.Plotly) { (function () { var define, module, exports;\n" + Text + "\n}).call(window); }\n</script>";

    static string Read(string name)
    {
        using var stream = typeof(PlotlyScript).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"L1Lab.dll lacks the embedded resource {name}; rebuild lib/L1Lab.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
