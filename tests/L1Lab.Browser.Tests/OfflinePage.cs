using System.Text.Json;
using Microsoft.Playwright;

namespace L1Lab.Browser.Tests;

/// <summary>
/// A page opened in its own browser context with the network cut off: every request that does not go to file://
/// (or to the test's own 127.0.0.1 server, when one is named) is failed and recorded. Console errors, uncaught
/// exceptions and failed local loads are recorded too. <see cref="ReportAsync"/> lists what was drawn and keeps a
/// full-page screenshot in the test output folder (bin/&lt;configuration&gt;/net10.0/screenshots/).
/// </summary>
public sealed class OfflinePage : IAsyncDisposable
{
    readonly IBrowserContext _context;
    readonly string? _allowedOrigin;
    readonly List<string> _blocked = [];
    readonly List<string> _errors = [];
    readonly HashSet<IRequest> _pending = [];

    OfflinePage(IBrowserContext context, IPage page, string? allowedOrigin)
    {
        _context = context;
        Page = page;
        _allowedOrigin = allowedOrigin;
    }

    /// <summary>The page, for tests that drive it (click, type) before the report.</summary>
    public IPage Page { get; }

    /// <summary>Where screenshots are kept, next to the test assembly.</summary>
    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Opens <paramref name="url"/> (a file path or URL) and waits for the load event and a quiet moment.</summary>
    /// <param name="browser">The shared browser.</param>
    /// <param name="url">A local file path, a file:// URL, or a URL on <paramref name="allowedOrigin"/>.</param>
    /// <param name="allowedOrigin">The test's own server, e.g. http://127.0.0.1:8123; null for files only.</param>
    /// <param name="viewport">Viewport width, e.g. 1280 (height 900).</param>
    public static async Task<OfflinePage> OpenAsync(IBrowser browser, string url, string? allowedOrigin = null, int viewport = 1280)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = viewport, Height = 900 },
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        var page = await context.NewPageAsync();
        var offline = new OfflinePage(context, page, allowedOrigin);
        await context.RouteAsync("**/*", async route =>
        {
            if (offline.Allowed(route.Request.Url)) await route.ContinueAsync();
            else
            {
                offline.Block(route.Request.Url);
                await route.AbortAsync("internetdisconnected");
            }
        });
        // A second net under the route: any request the route did not see (and any web socket) is checked as well.
        context.Request += (_, request) => { if (!offline.Allowed(request.Url)) offline.Block(request.Url); };
        page.WebSocket += (_, socket) => { if (!offline.Allowed(socket.Url)) offline.Block(socket.Url); };
        page.Console += (_, message) => { if (message.Type == "error") offline.Error(message.Text); };
        page.PageError += (_, error) => offline.Error("uncaught: " + error);
        page.RequestFailed += (_, request) =>
        {
            offline.Settled(request);
            if (offline.Allowed(request.Url)) offline.Error($"failed to load {request.Url}: {request.Failure}");
        };
        page.Request += (_, request) => { lock (offline._pending) offline._pending.Add(request); };
        page.RequestFinished += (_, request) => offline.Settled(request);

        var target = url.Contains("://", StringComparison.Ordinal) ? url : new Uri(Path.GetFullPath(url)).AbsoluteUri;
        await page.GotoAsync(target, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 120_000 });
        await offline.SettleAsync(TimeSpan.FromSeconds(30));
        return offline;
    }

    /// <summary>Requests that were blocked so far.</summary>
    public IReadOnlyList<string> Blocked { get { lock (_blocked) return [.. _blocked.Distinct()]; } }

    /// <summary>Console errors so far.</summary>
    public IReadOnlyList<string> Errors { get { lock (_errors) return [.. _errors]; } }

    /// <summary>Lists every visible drawing and undrawn chart container, and saves a full-page screenshot as <paramref name="name"/>.png.</summary>
    public async Task<PageReport> ReportAsync(string name)
    {
        // Give plotly's and KaTeX's deferred layout a frame to finish.
        await Page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
        var json = await Page.EvaluateAsync<JsonElement>(DrawingsScript);
        var drawings = json.GetProperty("drawings").EnumerateArray().Select(d => new Drawing(
            d.GetProperty("kind").GetString()!, d.GetProperty("w").GetDouble(), d.GetProperty("h").GetDouble(),
            d.GetProperty("decoded").GetBoolean(), d.GetProperty("label").GetString() ?? "")).ToList();
        var undrawn = json.GetProperty("undrawn").EnumerateArray().Select(u => u.GetString()!).ToList();
        Directory.CreateDirectory(ScreenshotFolder);
        var screenshot = Path.Combine(ScreenshotFolder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        return new PageReport(Blocked, Errors, drawings, undrawn, screenshot);
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();

    bool Allowed(string url) =>
        url.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("blob:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("about:", StringComparison.OrdinalIgnoreCase)
        || (_allowedOrigin is { } origin && (url.StartsWith(origin + "/", StringComparison.OrdinalIgnoreCase) || url == origin
            || url.StartsWith(origin.Replace("http://", "ws://", StringComparison.Ordinal) + "/", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Waits until no request of the page has been in flight for half a second; past <paramref name="limit"/> the pending ones are recorded as an error.</summary>
    async Task SettleAsync(TimeSpan limit)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var quietSince = TimeSpan.Zero;
        while (true)
        {
            string[] pending;
            lock (_pending) pending = [.. _pending.Select(r => r.Url.Length > 100 ? r.Url[..100] + "…" : r.Url)];
            if (pending.Length > 0) quietSince = stopwatch.Elapsed;
            else if (stopwatch.Elapsed - quietSince >= TimeSpan.FromMilliseconds(500)) return;
            if (stopwatch.Elapsed > limit)
            {
                Error($"requests still running {limit.TotalSeconds:0} s after the load event: {string.Join(", ", pending)}");
                return;
            }
            await Task.Delay(100);
        }
    }

    void Settled(IRequest request) { lock (_pending) _pending.Remove(request); }

    void Block(string url) { lock (_blocked) _blocked.Add(url); }

    void Error(string text) { lock (_errors) _errors.Add(text); }

    /// <summary>
    /// Every visible plotly chart (its main SVG's size), image and top-level inline SVG, skipping KaTeX's glyphs and
    /// plotly's toolbar icons; plus containers plotly was meant to draw into and did not (plotly-graph-div without
    /// js-plotly-plot, or an empty element of class plotly-figure's host).
    /// </summary>
    const string DrawingsScript = """
        () => {
          const visible = e => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length) && getComputedStyle(e).visibility !== 'hidden';
          const size = e => { const r = e.getBoundingClientRect(); return { w: r.width, h: r.height }; };
          const label = e => (e.getAttribute('alt') || e.getAttribute('aria-label') || (e.querySelector && e.querySelector('title, .gtitle')?.textContent) || e.id || e.className?.baseVal || e.className || '').toString().slice(0, 80);
          const drawings = [];
          for (const plot of document.querySelectorAll('.js-plotly-plot')) {
            if (!visible(plot)) continue;
            const svg = plot.querySelector('svg.main-svg');
            const s = svg ? size(svg) : { w: 0, h: 0 };
            drawings.push({ kind: 'plotly', w: s.w, h: s.h, decoded: !!svg, label: label(plot) });
          }
          for (const img of document.images) {
            if (img.closest('.js-plotly-plot') || !visible(img)) continue;
            const s = size(img);
            drawings.push({ kind: 'img', w: s.w, h: s.h, decoded: img.complete && img.naturalWidth > 0, label: label(img) });
          }
          for (const svg of document.querySelectorAll('svg')) {
            if (svg.closest('.js-plotly-plot, .katex, .modebar, button, a') || svg.parentElement.closest('svg') || !visible(svg)) continue;
            const s = size(svg);
            if (s.w < 24 && s.h < 24) continue; // an icon, not a figure
            drawings.push({ kind: 'svg', w: s.w, h: s.h, decoded: true, label: label(svg) });
          }
          const undrawn = [];
          for (const div of document.querySelectorAll('.plotly-graph-div')) if (!div.classList.contains('js-plotly-plot')) undrawn.push(div.id || 'plotly-graph-div');
          return { drawings, undrawn };
        }
        """;
}
