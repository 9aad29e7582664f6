namespace L1Lab.Visuals;

/// <summary>The MIME types figures and images are written as.</summary>
public static class FigureMime
{
    /// <summary>A static SVG picture.</summary>
    public const string Svg = "image/svg+xml";

    /// <summary>A PNG picture (base64 in notebook outputs).</summary>
    public const string Png = "image/png";

    /// <summary>Plotly's figure JSON, <c>{"data": [...], "layout": {...}}</c>, drawn natively by JupyterLab and VS Code renderers.</summary>
    public const string PlotlyJson = "application/vnd.plotly.v1+json";

    /// <summary>HTML: the static picture, and for charts an offline interactive plotly.js chart.</summary>
    public const string Html = "text/html";
}
