using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace L1Lab.Visuals;

/// <summary>
/// A figure with a slider: one <see cref="Figure"/> per value of a parameter (λ, a threshold t), drawn by plotly.js as
/// animation frames under a slider, so the reader moves the parameter and watches the chart change (notebook 02's
/// soft-thresholding). Like every figure it answers with a static picture too: the SVG of the step at
/// <see cref="Initial"/>, which GitHub, exports, printouts and screen readers use, and which the HTML shows until
/// plotly.js has drawn the interactive version.
/// </summary>
[TypeFormatterSource(typeof(VisualFormatterSource), PreferredMimeTypes = new[] { FigureMime.Html, FigureMime.Svg, FigureMime.PlotlyJson })]
public sealed record SliderFigure
{
    /// <summary>One frame per parameter value, in slider order; every frame must have the same number of series.</summary>
    /// <param name="parameter">The parameter's name as the slider labels it, e.g. "t" or "λ".</param>
    /// <param name="steps">The parameter's values and the figure drawn at each.</param>
    /// <exception cref="ArgumentException">No steps, or frames with different numbers of series (plotly would mix them up).</exception>
    public SliderFigure(string parameter, params IEnumerable<(double Value, Figure Frame)> steps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parameter);
        ArgumentNullException.ThrowIfNull(steps);
        Parameter = parameter;
        Steps = steps.ToArray();
        if (Steps.Count == 0) throw new ArgumentException("A slider figure needs at least one step.", nameof(steps));
        if (Steps.Any(s => s.Frame is null)) throw new ArgumentNullException(nameof(steps));
        if (Steps.Select(s => s.Frame.Series.Count).Distinct().Count() > 1)
            throw new ArgumentException("Every frame of a slider figure must have the same number of series.", nameof(steps));
    }

    /// <summary>The parameter's name, as the slider labels it.</summary>
    public string Parameter { get; }

    /// <summary>The parameter values and their frames, in slider order.</summary>
    public IReadOnlyList<(double Value, Figure Frame)> Steps { get; }

    /// <summary>The step shown first, and as the static picture (default 0).</summary>
    public int Initial { get; init; }

    (double Value, Figure Frame) Start => Steps[Math.Clamp(Initial, 0, Steps.Count - 1)];

    static string Label(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>The static picture: the initial step's SVG (give each frame a title that names its parameter value).</summary>
    public string ToSvg() => Start.Frame.ToSvg();

    /// <summary>Plotly's figure JSON with <c>frames</c> (one per step, named by its value) and a <c>sliders</c> layout entry.</summary>
    public string ToPlotlyJson() => Json(htmlSafe: false);

    string Json(bool htmlSafe)
    {
        var options = new JsonSerializerOptions { Encoder = htmlSafe ? JavaScriptEncoder.Default : JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var figure = JsonNode.Parse(Start.Frame.ToPlotlyJson())!.AsObject();
        var frames = new JsonArray();
        var sliderSteps = new JsonArray();
        foreach (var (value, frame) in Steps)
        {
            var parsed = JsonNode.Parse(frame.ToPlotlyJson())!.AsObject();
            var name = Label(value);
            frames.Add(new JsonObject
            {
                ["name"] = name,
                ["data"] = parsed["data"]!.DeepClone(),
                ["layout"] = new JsonObject { ["title"] = parsed["layout"]?["title"]?.DeepClone() },
            });
            sliderSteps.Add(new JsonObject
            {
                ["label"] = name,
                ["method"] = "animate",
                ["args"] = new JsonArray(new JsonArray(name), new JsonObject
                {
                    ["mode"] = "immediate",
                    ["frame"] = new JsonObject { ["duration"] = 0, ["redraw"] = true },
                    ["transition"] = new JsonObject { ["duration"] = 0 },
                }),
            });
        }
        var layout = figure["layout"]!.AsObject();
        layout["sliders"] = new JsonArray(new JsonObject
        {
            ["active"] = Math.Clamp(Initial, 0, Steps.Count - 1),
            ["currentvalue"] = new JsonObject { ["prefix"] = Parameter + " = " },
            ["pad"] = new JsonObject { ["t"] = 40 },
            ["steps"] = sliderSteps,
        });
        layout["height"] = (layout["height"]?.GetValue<int>() ?? Start.Frame.Height) + 80;   // room for the slider
        figure["frames"] = frames;
        return figure.ToJsonString(options);
    }

    /// <summary>The static picture plus an offline interactive chart with the slider (plotly.js from <see cref="PlotlyScript"/>).</summary>
    public string ToHtml(bool includePlotlyScript = true, int number = 1)
    {
        var json = Json(htmlSafe: true);
        return Figure.InteractiveHtml("l1lab-slider", number, json, ToSvg(), includePlotlyScript,
            "{ data: figure.data, layout: figure.layout, frames: figure.frames, config: { displaylogo: false } }");
    }

    /// <summary>The parameter, its values and the initial frame's description.</summary>
    public override string ToString() =>
        $"SliderFigure over {Parameter} = {string.Join(", ", Steps.Select(s => Label(s.Value)))}; shown: {Start.Frame}";
}
