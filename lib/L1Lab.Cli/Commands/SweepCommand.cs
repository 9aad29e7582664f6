using System.CommandLine;
using System.Globalization;
using L1Lab.Cli.Reports;
using L1Lab.Data;
using L1Lab.Experiments;
using L1Lab.Training;
using Spectre.Console;

namespace L1Lab.Cli.Commands;

/// <summary>
/// <c>l1lab sweep</c>: train one MLP per (λ, L1 mode, seed) on MNIST and show how accuracy, the train–test gap and
/// sparsity change with λ; writes sweep.csv (one row per run) and sweep.html (table, and charts on a log λ axis).
/// </summary>
static class SweepCommand
{
    public static Command Create()
    {
        var lambdas = new Option<string>("--lambdas") { Description = "Comma-separated L1 strengths λ (0 = baseline).", DefaultValueFactory = _ => "0,1e-5,1e-4,1e-3,1e-2" };
        var modes = new Option<string>("--l1-mode") { Description = "How L1 is applied: penalty, subgradient or proximal; comma-separate several.", DefaultValueFactory = _ => "proximal" };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training set per run.", DefaultValueFactory = _ => 5 };
        var batchSize = new Option<int>("--batch-size") { Description = "Examples per SGD step.", DefaultValueFactory = _ => 32 };
        var lr = new Option<double>("--lr") { Description = "Learning rate η.", DefaultValueFactory = _ => 0.01 };
        var hidden = new Option<int>("--hidden") { Description = "Hidden units of the 784-H-10 MLP.", DefaultValueFactory = _ => 256 };
        var seeds = new Option<int>("--seeds") { Description = "Number of seeds per (λ, mode): --seed, --seed+1, …", DefaultValueFactory = _ => 1 };
        var seed = new Option<long>("--seed") { Description = "First seed (initial weights and shuffling).", DefaultValueFactory = _ => 42 };
        var trainSamples = new Option<int?>("--train-samples") { Description = "Use only the first N training images (default: all 60,000)." };
        var dataDir = new Option<string?>("--data-dir") { Description = "Folder with the four MNIST .gz files (default: the repository's data/mnist)." };
        var outDir = new Option<string>("--out") { Description = "Where sweep.csv and sweep.html go.", DefaultValueFactory = _ => Path.Combine("artifacts", "sweep") };

        var command = new Command("sweep", "Sweep the L1 strength λ (× modes × seeds) on MNIST: accuracy, gap and sparsity vs λ.")
        {
            lambdas, modes, epochs, batchSize, lr, hidden, seeds, seed, trainSamples, dataDir, outDir,
        };
        command.SetAction((parsed, cancellation) =>
        {
            var (options, limit, folder, output) = Arguments(parsed);
            return Task.FromResult(LibraryFailures.Report(() => Run(options, limit, folder, output, cancellation)));
        });
        return command;

        (SweepOptions, int?, string, string) Arguments(ParseResult parsed)
        {
            int seedCount = parsed.GetValue(seeds);
            Cli.Require(seedCount is >= 1 and <= 1000, $"--seeds must be between 1 and 1000 (got {seedCount}).");
            int width = parsed.GetValue(hidden);
            Cli.Require(width is >= 1 and <= 65536, $"--hidden must be between 1 and 65536 (got {width}).");
            long first = parsed.GetValue(seed);
            var options = new SweepOptions
            {
                Lambdas = ParseLambdas(parsed.GetValue(lambdas) ?? ""),
                Modes = ParseModes(parsed.GetValue(modes) ?? ""),
                Seeds = Enumerable.Range(0, seedCount).Select(i => first + i).ToArray(),
                HiddenSizes = [width],
                Training = new TrainingOptions
                {
                    Epochs = parsed.GetValue(epochs),
                    BatchSize = parsed.GetValue(batchSize),
                    LearningRate = parsed.GetValue(lr),
                },
            };
            try { options.Validate(); }
            catch (ArgumentException e) { throw new UsageException(e.Message); }
            int? limit = parsed.GetValue(trainSamples);
            Cli.Require(limit is null or > 0, $"--train-samples must be positive (got {limit}).");
            var folder = MnistDataFolder.From(parsed.GetValue(dataDir));
            return (options, limit, folder, OutputLocation.Prepare(parsed.GetValue(outDir), "--out"));
        }
    }

    /// <summary>Parses "0,1e-5,1e-4": invariant culture, each finite and ≥ 0, no duplicates.</summary>
    internal static double[] ParseLambdas(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Cli.Require(parts.Length > 0, "--lambdas needs at least one value, e.g. 0,1e-4,1e-3.");
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            Cli.Require(double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]),
                $"--lambdas: '{parts[i]}' is not a number (use a comma-separated list such as 0,1e-5,1e-4).");
            Cli.Require(double.IsFinite(values[i]) && values[i] >= 0, $"--lambdas: every λ must be zero or positive (got {parts[i]}).");
        }
        Cli.Require(values.Distinct().Count() == values.Length, "--lambdas: the list has duplicates.");
        return values;
    }

    /// <summary>Parses "penalty,proximal" (case-insensitive names of <see cref="L1Mode"/>).</summary>
    internal static L1Mode[] ParseModes(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Cli.Require(parts.Length > 0, "--l1-mode needs at least one of penalty, subgradient, proximal.");
        var modes = new L1Mode[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            Cli.Require(Enum.TryParse(parts[i], ignoreCase: true, out modes[i]) && Enum.IsDefined(modes[i]) && !int.TryParse(parts[i], out _),
                $"--l1-mode: '{parts[i]}' is not one of penalty, subgradient, proximal.");
        Cli.Require(modes.Distinct().Count() == modes.Length, "--l1-mode: the list has duplicates.");
        return modes;
    }

    static int Run(SweepOptions options, int? limit, string dataFolder, string output, CancellationToken cancellation)
    {
        var (fullTrain, test) = Mnist.Load(dataFolder);
        using var _ = fullTrain;
        using var __ = test;
        using var subset = limit is int n && n < fullTrain.Count ? fullTrain.Take(n) : null;
        var train = subset ?? fullTrain;
        var t = options.Training;
        var runs = Sweep.Plan(options).Count;
        var description =
            $"MNIST, {train.Count:N0} training and {test.Count:N0} test images; MLP 784-{options.HiddenSizes[0]}-10, SGD lr {t.LearningRate}, batch {t.BatchSize}, " +
            $"{t.Epochs} epoch(s); λ ∈ {{{string.Join(", ", options.Lambdas.Select(l => l.ToString("G4", CultureInfo.InvariantCulture)))}}}; " +
            $"L1 {string.Join("/", options.Modes.Select(m => m.ToString().ToLowerInvariant()))}; seeds {string.Join(", ", options.Seeds)}; {runs} runs. {MachineDescription.Now()}.";
        AnsiConsole.MarkupLine(Markup.Escape(description));

        var rows = Train(options, train, test, runs, cancellation);

        var table = new Table().Title("L1 strength sweep (final epoch, mean over seeds)");
        foreach (var h in SweepReport.SummaryHeader) table.AddColumn(new TableColumn(Markup.Escape(h)).RightAligned());
        foreach (var row in SweepReport.SummaryRows(rows)) table.AddRow(row.Select(Markup.Escape).ToArray());
        AnsiConsole.Write(table);

        Directory.CreateDirectory(output);
        var csv = Path.Combine(output, "sweep.csv");
        var html = Path.Combine(output, "sweep.html");
        Sweep.WriteCsv(rows, csv);
        SweepReport.Write(html, "L1Lab: λ sweep on MNIST", rows, description);
        AnsiConsole.MarkupLine($"Wrote {Markup.Escape(csv)} and {Markup.Escape(html)}");
        return ExitCodes.Ok;
    }

    static IReadOnlyList<SweepResult> Train(SweepOptions options, ImageDataset train, ImageDataset test, int runs, CancellationToken cancellation)
    {
        int epochs = options.Training.Epochs;
        void Line(ExperimentProgress p, EpochMetrics m) => AnsiConsole.MarkupLine(Markup.Escape(
            $"  [{p.Run}/{p.Runs}] {p.Label} epoch {m.Epoch}/{epochs}: train {100 * m.TrainAccuracy:F2} %, test {100 * m.TestAccuracy:F2} %, zeros {100 * m.ZeroFraction:F2} %, {m.Seconds:F1} s"));

        if (!Cli.Interactive)
            return Sweep.Run(train, test, options, new SyncProgress<ExperimentProgress>(p => { if (p.Training.Completed is { } m) Line(p, m); }), cancellation);

        IReadOnlyList<SweepResult> rows = [];
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("sweep", maxValue: runs);
                rows = Sweep.Run(train, test, options, new SyncProgress<ExperimentProgress>(p =>
                {
                    task.Value = p.Run - 1 + (p.Training.Epoch - 1 + (double)p.Training.Step / p.Training.StepsPerEpoch) / epochs;
                    task.Description = Markup.Escape($"[{p.Run}/{p.Runs}] {p.Label}");
                    if (p.Training.Completed is { } m && m.Epoch == epochs) ctx.Refresh();
                }), cancellation);
            });
        return rows;
    }
}
