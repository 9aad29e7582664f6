using System.Diagnostics;
using System.Globalization;
using L1Lab.Notebooks;

namespace L1Lab.Cli.Book;

/// <summary>What <see cref="BookBuilder.BuildAsync"/> builds.</summary>
/// <param name="Out">The site's folder; replaced as a whole when the build succeeds, untouched when it fails.</param>
/// <param name="Notebooks">The course's notebooks folder (English); a zh-CN/ subfolder with notebooks adds the Chinese edition.</param>
/// <param name="From">A folder of already executed notebooks (and zh-CN/) to take instead of running them; null to run.</param>
/// <param name="Parameters">Overrides for the notebooks' parameters cells (<c>--set</c>), each applied where declared.</param>
/// <param name="SaveTo">Where to keep the executed notebooks (each edition in its folder); null to discard them.</param>
/// <param name="Quick">Run each notebook with the quick values its parameters cell declares (<c>--quick</c>).</param>
sealed record BookOptions(string Out, string Notebooks, string? From, IReadOnlyDictionary<string, string> Parameters, string? SaveTo = null, bool Quick = false);

/// <summary>
/// Builds the course as a static site: runs every notebook with L1Lab's engine (or takes executed copies), then writes
/// index.html, one page per notebook and assets/ into a temporary folder next to the target, and swaps it in only
/// when everything succeeded. The same executed notebooks always give the same bytes.
/// </summary>
sealed class BookBuilder(BookOptions options, TextWriter output)
{
    /// <summary>Each notebook's parameter values, decided by <see cref="Validate"/> before anything runs.</summary>
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? _values;

    /// <summary>Checks the options before any work; a problem is a <see cref="UsageException"/> naming the option.</summary>
    public void Validate()
    {
        Cli.Require(!string.IsNullOrWhiteSpace(options.Out), "--out: give the folder to write the book to");
        var source = options.From ?? options.Notebooks;
        var option = options.From is null ? "--notebooks" : "--from";
        InputPath.Folder(source, option);
        Cli.Require(Sources(source, BookEdition.English).Count > 0, $"{option} {source}: no .ipynb notebooks in it");
        var full = OutputLocation.FullPath(options.Out, "--out");
        Cli.Require(Path.GetDirectoryName(full) is not null, $"--out {options.Out}: the book replaces its folder as a whole, so it cannot be a root folder");
        Cli.Require(!File.Exists(full), $"--out {options.Out}: is a file, not a folder");
        Cli.Require(!Directory.Exists(full) || !Directory.EnumerateFileSystemEntries(full).Any() || File.Exists(Path.Combine(full, "index.html")),
            $"--out {options.Out}: the folder holds files but no book (no index.html); choose an empty or new folder, it is replaced as a whole");
        if (options.From is null)
            _values = ParameterAssignments.Resolve([.. Editions(source).SelectMany(e => e.Files)], options.Parameters, options.Quick);
        // Last, once the rest is known to be valid, and before any notebook runs: the site's parent folder (which
        // holds the build in progress and receives the finished site), the site's folder when it exists, and the
        // folder for executed notebooks are created where missing and probed.
        OutputLocation.Prepare(Path.GetDirectoryName(full), $"--out {OutputLocation.Shown(options.Out)}: its parent folder");
        if (Directory.Exists(full)) OutputLocation.Prepare(full, "--out");
        if (options.SaveTo is { } keep) OutputLocation.Prepare(keep, "--save-to");
    }

    /// <summary>Builds the site; returns 0, or 1 after printing the failing notebook's cell and line (the old site is kept).</summary>
    public async Task<int> BuildAsync(CancellationToken cancellationToken)
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
                if (ran is null) return ExitCodes.Failed;
                editions.Add((edition, ran.Select(Chapter.Load).ToList()));
            }

            var site = new BookPages.Site(editions, BookAssets.PlotlyScript is not null);
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
            BookAssets.Write(Path.Combine(building, "assets"), usesPlotly);

            Swap(building, target);
            var bytes = new DirectoryInfo(target).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"book: {pages} pages ({string.Join(", ", editions.Select(e => $"{e.Edition.Language} {e.Chapters.Count}"))}) and index.html written to {options.Out} ({bytes / 1048576.0:0.0} MB) in {stopwatch.Elapsed.TotalSeconds:0} s")).ConfigureAwait(false);
            return ExitCodes.Ok;
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
            var own = _values?.GetValueOrDefault(file) ?? ParameterAssignments.Resolve([file], options.Parameters, options.Quick)[file];
            NotebookRunResult result;
            try
            {
                result = await NotebookRunner.RunAsync(file, new NotebookRunOptions { Parameters = own, SaveToDirectory = to }, cancellationToken).ConfigureAwait(false);
            }
            catch (NotebookException e)
            {
                throw new RunFailedException($"{e.Message}; book not built, {options.Out} is left as it was");
            }
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
