namespace L1Lab.Browser.Tests;

/// <summary>The offline page harness itself, on pages made here: it must see what it is meant to catch.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HarnessTests(BrowserFixture browser, CourseFixture course)
{
    /// <summary>A 2×2 PNG (red, green / blue, white).</summary>
    const string TinyPng = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DAAMIM/4EAAB/uBfsL2WiLAAAAAElFTkSuQmCC";

    [SkippableFact]
    public async Task A_clean_offline_page_with_an_svg_and_an_image_passes()
    {
        Skip.If(browser.Browser is null, SystemChromium.Missing);
        var page = Write("clean.html", $"""
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>clean</title></head><body>
            <svg width="200" height="100"><title>a chart</title><rect x="10" y="10" width="80" height="80" fill="steelblue"/></svg>
            <img alt="pixels" width="40" height="40" src="data:image/png;base64,{TinyPng}">
            </body></html>
            """);

        await using var offline = await OfflinePage.OpenAsync(browser.Browser!, page);
        var report = await offline.ReportAsync("harness-clean");

        Assert.Empty(report.Problems);
        Assert.Equal(["img", "svg"], report.Drawings.Select(d => d.Kind).Order(StringComparer.Ordinal));
        Assert.All(report.Drawings, d => Assert.True(d.Drew, d.ToString()));
        Assert.True(new FileInfo(report.Screenshot).Length > 0);
    }

    [SkippableFact]
    public async Task Network_requests_console_errors_broken_images_and_undrawn_charts_are_all_caught()
    {
        Skip.If(browser.Browser is null, SystemChromium.Missing);
        // .invalid never resolves; the route fails these requests inside the browser before any lookup.
        var page = Write("dirty.html", """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>dirty</title>
            <script src="https://cdn.invalid/plotly-latest.min.js"></script></head><body>
            <img alt="remote" width="40" height="40" src="http://images.invalid/a.png">
            <img alt="broken" width="40" height="40" src="data:image/png;base64,AAAA">
            <div id="chart-1" class="plotly-graph-div" style="height:300px"></div>
            <script>console.error('boom'); fetch('https://api.invalid/data').catch(() => {});</script>
            </body></html>
            """);

        await using var offline = await OfflinePage.OpenAsync(browser.Browser!, page);
        var report = await offline.ReportAsync("harness-dirty");

        Assert.Contains("https://cdn.invalid/plotly-latest.min.js", report.Blocked);
        Assert.Contains("http://images.invalid/a.png", report.Blocked);
        Assert.Contains("https://api.invalid/data", report.Blocked);
        Assert.Contains(report.Errors, e => e.Contains("boom", StringComparison.Ordinal));
        Assert.Equal(["chart-1"], report.UndrawnCharts);
        Assert.Equal(2, report.Drawings.Count(d => d.Kind == "img" && !d.Drew));
    }

    string Write(string name, string html)
    {
        var path = Path.Combine(course.NewFolder("harness"), name);
        File.WriteAllText(path, html);
        return path;
    }
}
