using System.Diagnostics;
using System.Globalization;
using L1Lab.Notebooks;

namespace L1Lab.Authoring.Book;

/// <summary>What <see cref="BookBuilder.BuildAsync"/> builds (the CLI has checked every path before).</summary>
/// <param name="Out">The site's folder; replaced as a whole when the build succeeds, untouched when it fails.</param>
/// <param name="Notebooks">The course's notebooks folder (English); a zh-CN/ subfolder with notebooks adds the Chinese edition.</param>
/// <param name="From">A folder of already executed notebooks (and zh-CN/) to take instead of running them; null to run.</param>
/// <param name="Values">
/// Each notebook's parameter values (<see cref="NotebookParameters.Resolve"/>, the one home of the <c>--set</c> and
/// <c>--quick</c> rule), by file; a notebook missing here runs with its own values.
/// </param>
/// <param name="SaveTo">Where to keep the executed notebooks (each edition in its folder); null to discard them.</param>
/// <param name="Plotly">plotly.js and its license, written to assets/ when a page shows a figure; null for none.</param>
public sealed record BookOptions(string Out, string Notebooks, string? From, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Values,
    string? SaveTo = null, PlotlyAsset? Plotly = null);

/// <summary>
/// Builds the course as a static site: runs every notebook with L1Lab's engine (or takes executed copies), then writes
/// index.html, one page per notebook and assets/ into a temporary folder next to the target, and swaps it in only
/// when everything succeeded. The same executed notebooks always give the same bytes.
/// </summary>
/// <param name="options">What to build.</param>
/// <param name="output">Where the progress lines and the closing summary go.</param>
public sealed class BookBuilder(BookOptions options, TextWriter output)
{
    /// <summary>Every notebook under <paramref name="root"/> the book is made of: English in it, each translation in its language's subfolder.</summary>
    public static IReadOnlyList<string> NotebookFiles(string root) => [.. Editions(root).SelectMany(e => e.Files)];

    /// <summary>
    /// Builds the site; returns true, or false after printing the failing notebook's cell and line (the old site is kept).
    /// </summary>
    /// <exception cref="NotebookException">A notebook could not be read or started; the message names the file.</exception>
    public async Task<bool> BuildAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var target = Path.GetFullPath(options.Out);
        var parent = Path.GetDirectoryName(target)!;
        var name = Path.GetFileName(target);
        Directory.CreateDirectory(parent);
        var building = Path.Combine(parent, $".{name}.building-{Environment.ProcessId}");
        var executed = options.SaveTo is { } keep ? Path.GetFullPath(keep) : Path.Combine(parent, $".{name}.executed-{Environment.ProcessId}");
        try
        {
            DeleteFolder(building);
            Directory.CreateDirectory(building);
            var editions = new List<(BookEdition Edition, IReadOnlyList<Chapter> Chapters)>();
            foreach (var (edition, files) in Editions(options.From ?? options.Notebooks))
            {
                var ran = options.From is null ? await RunAsync(edition, files, Path.Combine(executed, edition.Folder), cancellationToken).ConfigureAwait(false) : files;
                if (ran is null) return false;
                editions.Add((edition, ran.Select(Chapter.Load).ToList()));
            }

            var site = new BookPages.Site(editions, options.Plotly is not null);
            var pages = 0;
            var usesPlotly = false;
            foreach (var (edition, chapters) in editions)
            {
                var folder = Path.Combine(building, edition.Folder);
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, "index.html"), BookPages.Index(site, edition, chapters));
                for (var i = 0; i < chapters.Count; i++)
                {
                    var page = BookPages.Chapter(site, edition, chapters, i);
                    usesPlotly |= page.Contains("class=\"plotly-figure\"", StringComparison.Ordinal);
                    File.WriteAllText(Path.Combine(folder, chapters[i].PageName), page);
                    pages++;
                }
            }
            BookAssets.Write(Path.Combine(building, "assets"), usesPlotly ? options.Plotly : null);

            Swap(building, target);
            var bytes = new DirectoryInfo(target).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"book: {pages} pages ({string.Join(", ", editions.Select(e => $"{e.Edition.Language} {e.Chapters.Count}"))}) and index.html written to {options.Out} ({bytes / 1048576.0:0.0} MB) in {stopwatch.Elapsed.TotalSeconds:0} s")).ConfigureAwait(false);
            return true;
        }
        finally
        {
            DeleteFolder(building);
            if (options.SaveTo is null) DeleteFolder(executed);
        }
    }

    /// <summary>Runs one edition's notebooks, saving executed copies to <paramref name="to"/>; null after a failure (already reported).</summary>
    async Task<IReadOnlyList<string>?> RunAsync(BookEdition edition, IReadOnlyList<string> files, string to, CancellationToken cancellationToken)
    {
        var saved = new List<string>();
        foreach (var file in files)
        {
            var own = options.Values.GetValueOrDefault(file) ?? new Dictionary<string, string>();
            var result = await NotebookRunner.RunAsync(file, new NotebookRunOptions { Parameters = own, SaveToDirectory = to }, cancellationToken).ConfigureAwait(false);
            if (result.Failure is { } failure)
            {
                await Console.Error.WriteLineAsync($"l1lab: {failure.Message}").ConfigureAwait(false);
                await Console.Error.WriteLineAsync($"l1lab: book not built; {options.Out} is left as it was").ConfigureAwait(false);
                return null;
            }
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{file}: {result.CellsRun} cells ran in {result.Elapsed.TotalSeconds:0.0} s{(edition.Folder.Length > 0 ? $" ({edition.Language})" : "")}")).ConfigureAwait(false);
            saved.Add(result.SavedTo!);
        }
        return saved;
    }

    /// <summary>The editions found under <paramref name="root"/>: English in it, each translation in its language's subfolder.</summary>
    static IEnumerable<(BookEdition Edition, IReadOnlyList<string> Files)> Editions(string root) =>
        BookEdition.All.Select(e => (e, Sources(root, e))).Where(e => e.Item2.Count > 0);

    static IReadOnlyList<string> Sources(string root, BookEdition edition)
    {
        var folder = Path.Combine(root, edition.Folder);
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).ToList() : [];
    }

    /// <summary>Replaces <paramref name="target"/> by <paramref name="built"/> with two renames, so a reader sees the old site or the new one.</summary>
    static void Swap(string built, string target)
    {
        var old = target + $".old-{Environment.ProcessId}";
        if (Directory.Exists(target)) Directory.Move(target, old);
        Directory.Move(built, target);
        DeleteFolder(old);
    }

    static void DeleteFolder(string path)
    {
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }
}
