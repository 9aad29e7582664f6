using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace L1Lab.Browser.Tests;

/// <summary>
/// A training cell as a learner sees it in Debian's classic Jupyter Notebook 6.4 with the L1Lab kernel: while it runs,
/// one progress line (epoch, loss, accuracy, time left) updates in place and a loss/accuracy figure grows epoch by
/// epoch; when it ends, the cell holds the final line and the full figure. Screenshots midway and at the end are kept
/// (screenshots/jupyter-training-progress-*.png next to the tests).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TrainingProgressUiTests(BrowserFixture browser, CourseFixture course, ITestOutputHelper output)
{
    const string Notebook = "training-progress.ipynb";

    /// <summary>Records every distinct state of the training cell's outputs, every 50 ms, in the page.</summary>
    const string RecordStatesScript = """
        () => {
          window.l1labStates = [];
          const text = v => Array.isArray(v) ? v.join('') : (v || '');
          window.l1labRecorder = setInterval(() => {
            const cell = Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code')[1];
            const outs = cell.output_area.outputs;
            const line = outs.length > 0 && outs[0].data ? text(outs[0].data['text/plain']) : '';
            const figure = outs.length > 1 && outs[1].data ? outs[1].data : null;
            const svg = figure ? text(figure['image/svg+xml']) : '';
            const state = { outputs: outs.map(o => o.output_type), line, svg: svg.length, full: !!(figure && figure['text/html']) };
            const key = JSON.stringify(state);
            const states = window.l1labStates;
            if (states.length === 0 || states[states.length - 1].key !== key) states.push({ key, ...state });
          }, 50);
        }
        """;

    [SkippableFact]
    public async Task A_training_cell_shows_a_progress_line_and_a_figure_that_grow_while_it_runs_and_keeps_the_final_figure()
    {
        Skip.If(browser.Browser is null, SystemChromium.Missing);
        Skip.IfNot(NotebookServer.Installed(), "Debian's Jupyter Notebook is not installed (apt-get install jupyter-notebook)");
        var work = course.NewFolder("jupyter-progress");
        var prefix = Path.Combine(work, "prefix");
        var install = L1labCommand.Run("kernel", "install", "--prefix", prefix);
        Assert.True(install.ExitCode == 0, install.ToString());
        var notebooks = Directory.CreateDirectory(Path.Combine(work, "notebooks")).FullName;
        KernelNotebook.Write(Path.Combine(notebooks, Notebook),
            $"#r \"nuget: TorchSharp-cpu, 0.107.0\"\n#r \"{TestPaths.LibraryDll}\"",
            "using L1Lab.Data;\nusing L1Lab.Models;\nusing L1Lab.Training;\nL1Lab.Native.TorchRuntime.Initialize();\n" +
            $"var mnist = Mnist.Load(\"{Path.Combine(TestPaths.RepoRoot, "data")}\");\n" +
            "var train = mnist.Train.Take(4000);\nvar test = mnist.Test.Take(500);\n" +
            "var model = Mlp.Create([784, 128, 10], 1);\n" +
            "var history = new Trainer(new TrainingOptions { Epochs = 8, BatchSize = 32, LearningRate = 0.05, Seed = 1 }).Fit(model, train, test);");

        var server = await NotebookServer.StartAsync(work, notebooks, Path.Combine(prefix, "share", "jupyter"));
        List<(string[] Outputs, string Line, int Svg, bool Full)> states;
        PageReport report;
        try
        {
            await using (var offline = await OfflinePage.OpenAsync(browser.Browser!, server.NotebookUrl(Notebook), server.Origin))
            {
                var page = offline.Page;
                await page.WaitForFunctionAsync("() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()",
                    null, new PageWaitForFunctionOptions { Timeout = 120_000, PollingInterval = 250 });
                await page.EvaluateAsync(RecordStatesScript);
                await page.ClickAsync("#celllink");
                await page.ClickAsync("#run_all_cells");

                // Midway: the figure has been drawn for three epochs and training goes on.
                await page.WaitForFunctionAsync("() => new Set(window.l1labStates.filter(s => s.svg > 0 && !s.full).map(s => s.svg)).size >= 3",
                    null, new PageWaitForFunctionOptions { Timeout = 300_000, PollingInterval = 50 });
                Directory.CreateDirectory(OfflinePage.ScreenshotFolder);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(OfflinePage.ScreenshotFolder, "jupyter-training-progress-midway.png") });

                await page.WaitForFunctionAsync(
                    "() => Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code').every(c => typeof c.input_prompt_number === 'number')" +
                    " && document.querySelector('#kernel_indicator_icon').classList.contains('kernel_idle_icon')",
                    null, new PageWaitForFunctionOptions { Timeout = 300_000, PollingInterval = 500 });
                await page.EvaluateAsync("() => new Promise(r => setTimeout(r, 300))");
                await page.EvaluateAsync("() => clearInterval(window.l1labRecorder)");
                var json = await page.EvaluateAsync<JsonElement>("() => window.l1labStates");
                states = json.EnumerateArray().Select(s => (
                    s.GetProperty("outputs").EnumerateArray().Select(o => o.GetString()!).ToArray(),
                    s.GetProperty("line").GetString()!, s.GetProperty("svg").GetInt32(), s.GetProperty("full").GetBoolean())).ToList();
                report = await offline.ReportAsync("jupyter-training-progress");
                await page.EvaluateAsync("() => Jupyter.notebook.session.delete()");
            }
            await server.StopAsync();
        }
        finally
        {
            await server.DisposeAsync();
        }

        foreach (var s in states) output.WriteLine($"{string.Join(",", s.Outputs)} | {s.Line} | svg {s.Svg}{(s.Full ? " (full figure)" : "")}");
        var lines = states.Select(s => s.Line).Where(l => l.Contains("epoch", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(lines.Count >= 4, $"the progress line took {lines.Count} states with an epoch in it");
        Assert.Contains(lines, l => l.Contains("train accuracy", StringComparison.Ordinal) && l.Contains("left", StringComparison.Ordinal));
        var growing = states.Where(s => s.Svg > 0 && !s.Full).Select(s => s.Svg).Distinct().Count();
        Assert.True(growing >= 2, $"the figure was redrawn {growing} times while training (8 epochs)");
        // Never more than the line and the figure: updates replace, they do not add.
        Assert.All(states, s => Assert.True(s.Outputs.Length <= 2, string.Join(",", s.Outputs)));
        var last = states[^1];
        Assert.Equal(["display_data", "display_data"], last.Outputs);
        Assert.StartsWith("[####################] 100 % done in", last.Line, StringComparison.Ordinal);
        Assert.True(last.Full, "the final figure is the full figure (SVG and interactive HTML)");
        Assert.True(report.Blocked.Count == 0, "network requests:\n" + string.Join("\n", report.Blocked));
        Assert.Contains(report.Drawings, d => d.Drew);
        Assert.True(new FileInfo(Path.Combine(OfflinePage.ScreenshotFolder, "jupyter-training-progress-midway.png")).Length > 0);
    }
}
