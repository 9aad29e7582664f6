using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace L1Lab.Browser.Tests;

/// <summary>
/// A course notebook driven through a real front end: Debian's classic Jupyter Notebook 6.4 with the L1Lab kernel
/// installed under a temporary prefix, in headless Chromium, with every request outside the server failed. Cell → Run
/// All from the menu, as a learner would; every code cell must run, show what the engine's run shows, raise no error,
/// and draw its figures; then the server and its kernel must be gone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class NotebookUiTests(BrowserFixture browser, CourseFixture course, ITestOutputHelper output)
{
    const string Notebook = "02-l1-penalty.ipynb";

    [SkippableFact]
    public async Task Run_all_in_Jupyter_Notebook_runs_every_cell_of_a_course_notebook_through_the_L1Lab_kernel()
    {
        Skip.If(browser.Browser is null, SystemChromium.Missing);
        Skip.IfNot(NotebookServer.Installed(), "Debian's Jupyter Notebook is not installed (apt-get install jupyter-notebook)");
        var reference = ReferenceRun();
        var work = course.NewFolder("jupyter");
        var prefix = Path.Combine(work, "prefix");
        var install = L1labCommand.Run("kernel", "install", "--prefix", prefix);
        Assert.True(install.ExitCode == 0, install.ToString());
        var notebooks = Directory.CreateDirectory(Path.Combine(work, "notebooks")).FullName;
        CopyForTheKernel(Path.Combine(TestPaths.Notebooks, Notebook), Path.Combine(notebooks, Notebook));

        var server = await NotebookServer.StartAsync(work, notebooks, Path.Combine(prefix, "share", "jupyter"));
        List<(int? Count, string[] Outputs)> cells;
        PageReport report;
        int drawn;
        try
        {
            await using (var offline = await OfflinePage.OpenAsync(browser.Browser!, server.NotebookUrl(Notebook), server.Origin))
            {
                var page = offline.Page;
                await page.WaitForFunctionAsync("() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()",
                    null, new PageWaitForFunctionOptions { Timeout = 120_000, PollingInterval = 250 });

                // Cell → Run All, through the menu.
                await page.ClickAsync("#celllink");
                await page.ClickAsync("#run_all_cells");
                try
                {
                    await page.WaitForFunctionAsync(
                        "() => Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code').every(c => typeof c.input_prompt_number === 'number')" +
                        " && document.querySelector('#kernel_indicator_icon').classList.contains('kernel_idle_icon')",
                        null, new PageWaitForFunctionOptions { Timeout = 300_000, PollingInterval = 500 });
                }
                catch (TimeoutException)
                {
                    await offline.ReportAsync("jupyter-" + Path.GetFileNameWithoutExtension(Notebook) + "-timeout");
                    throw;
                }

                var json = await page.EvaluateAsync<JsonElement>(
                    "() => Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code').map(c => ({ n: c.input_prompt_number, outputs: c.output_area.outputs.map(o => o.output_type) }))");
                cells = json.EnumerateArray().Select(c => (
                    c.GetProperty("n").ValueKind == JsonValueKind.Number ? c.GetProperty("n").GetInt32() : (int?)null,
                    c.GetProperty("outputs").EnumerateArray().Select(o => o.GetString()!).ToArray())).ToList();
                drawn = await page.EvaluateAsync<int>(DrawnOutputsScript);
                // The notebook scrolls inside #site: let the page grow so the screenshot shows every cell.
                await page.AddStyleTagAsync(new() { Content = "#site { height: auto !important; overflow: visible !important; } body { overflow: visible !important; }" });
                report = await offline.ReportAsync("jupyter-" + Path.GetFileNameWithoutExtension(Notebook));
                await page.EvaluateAsync("() => Jupyter.notebook.session.delete()");
            }
            await server.StopAsync();
            Assert.Empty(server.ProcessesLeft());
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.Equal(reference.Count, cells.Count);
        Assert.All(cells, c => Assert.NotNull(c.Count));
        var errors = cells.Select((c, i) => (c, i)).Where(x => x.c.Outputs.Contains("error")).Select(x => $"code cell {x.i + 1}").ToList();
        Assert.True(errors.Count == 0, "errors in " + string.Join(", ", errors) + "\n" + server.Log);
        var silent = reference.Select((r, i) => (r, i)).Where(x => x.r.HasOutput && cells[x.i].Outputs.Length == 0).Select(x => $"code cell {x.i + 1}").ToList();
        Assert.True(silent.Count == 0, "no output (the engine's run has one) in " + string.Join(", ", silent));
        // The front end itself logs errors no notebook can help (classic Notebook's attempt to load the widgets
        // extension, MathJax's font probe): shown, not failed. Requests off the server and uncaught exceptions fail.
        foreach (var error in report.Errors) output.WriteLine($"console: {error}");
        Assert.True(report.Blocked.Count == 0, "network requests:\n" + string.Join("\n", report.Blocked));
        var uncaught = report.Errors.Where(e => e.StartsWith("uncaught:", StringComparison.Ordinal)).ToList();
        Assert.True(uncaught.Count == 0, string.Join("\n", uncaught));
        Assert.DoesNotContain(report.Drawings, d => !d.Drew);
        var figures = reference.Count(r => r.IsFigure);
        Assert.True(drawn >= figures, $"{drawn} drawn figures in the outputs, the engine's run has {figures}");
    }

    /// <summary>The engine's run of the same notebook (the course fixture's): per code cell, whether it shows something and whether that is a figure.</summary>
    List<(bool HasOutput, bool IsFigure)> ReferenceRun()
    {
        var build = course.Course;
        Assert.True(build.Result.ExitCode == 0, build.Result.ToString());
        var cells = JsonNode.Parse(File.ReadAllText(Path.Combine(build.Executed, Notebook)))!["cells"]!.AsArray();
        return cells.Where(c => (string?)c!["cell_type"] == "code").Select(c =>
        {
            var outputs = c!["outputs"]!.AsArray();
            var figure = outputs.Any(o => o!["data"] is JsonObject d && (d.ContainsKey("image/png") || d.ContainsKey("image/svg+xml")
                || d.ContainsKey("application/vnd.plotly.v1+json") || (d["text/html"]?.ToJsonString().Contains("plotly", StringComparison.OrdinalIgnoreCase) ?? false)));
            return (outputs.Count > 0, figure);
        }).ToList();
    }

    /// <summary>
    /// A copy the server can run from another folder: the kernelspec set to the installed L1Lab kernel, and each
    /// relative <c>#r</c> path made absolute from the course's notebooks folder.
    /// </summary>
    static void CopyForTheKernel(string source, string target)
    {
        var root = JsonNode.Parse(File.ReadAllText(source))!.AsObject();
        root["metadata"]!["kernelspec"] = new JsonObject { ["name"] = "l1lab-csharp", ["display_name"] = "C# (L1Lab)", ["language"] = "C#" };
        // Polyglot's language_info names no CodeMirror mode the server has; the kernel sends its own when it starts.
        root["metadata"]!.AsObject().Remove("language_info");
        var folder = Path.GetDirectoryName(source)!;
        foreach (var cell in root["cells"]!.AsArray())
        {
            if ((string?)cell!["cell_type"] != "code") continue;
            var lines = cell["source"]!.AsArray();
            for (var i = 0; i < lines.Count; i++)
                lines[i] = RelativeReference().Replace((string)lines[i]!, m => $"#r \"{Path.GetFullPath(Path.Combine(folder, m.Groups["path"].Value))}\"");
        }
        File.WriteAllText(target, root.ToJsonString());
    }

    [GeneratedRegex(@"^#r ""(?!nuget:)(?<path>[^""/][^""]*)""", RegexOptions.Multiline)]
    private static partial Regex RelativeReference();

    /// <summary>Figures drawn inside output areas: plotly's SVG, images and inline SVGs of non-zero size.</summary>
    const string DrawnOutputsScript = """
        () => [...document.querySelectorAll('.output_subarea')].filter(area => [...area.querySelectorAll('svg.main-svg, img, svg')].some(e => {
            const r = e.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && (e.tagName !== 'IMG' || (e.complete && e.naturalWidth > 0));
          })).length
        """;
}
