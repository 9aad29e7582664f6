using System.CommandLine;
using L1Lab.Cli.Reports;
using L1Lab.Data;
using L1Lab.Models;
using L1Lab.Results;
using L1Lab.Training;
using Spectre.Console;

namespace L1Lab.Cli.Commands;

/// <summary>
/// <c>l1lab reproduce</c>: the articles' MNIST experiment (784-256-10 MLP, SGD lr 0.01, batch 32, 10 epochs),
/// once without and once with L1 (λ = 0.01, really applied), then a side-by-side table, results.csv and report.html.
/// </summary>
static class ReproduceCommand
{
    public static Command Create()
    {
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training set.", DefaultValueFactory = _ => 10 };
        var batchSize = new Option<int>("--batch-size") { Description = "Examples per SGD step.", DefaultValueFactory = _ => 32 };
        var lr = new Option<double>("--lr") { Description = "Learning rate η.", DefaultValueFactory = _ => 0.01 };
        var lambda = new Option<double>("--lambda") { Description = "L1 strength λ for the regularized run.", DefaultValueFactory = _ => 0.01 };
        // A string, not Option<L1Mode>: building the command tree must not load the library (see Cli).
        var mode = new Option<string>("--l1-mode") { Description = "How L1 is applied: penalty (in the loss), subgradient or proximal.", DefaultValueFactory = _ => "penalty" };
        mode.AcceptOnlyFromAmong("penalty", "subgradient", "proximal");
        var device = new Option<string>("--device") { Description = "cpu, or cuda where a CUDA build of TorchSharp and a GPU are present.", DefaultValueFactory = _ => "cpu" };
        device.AcceptOnlyFromAmong("cpu", "cuda");
        var seed = new Option<long>("--seed") { Description = "Seed for the initial weights and the shuffling.", DefaultValueFactory = _ => 42 };
        var trainSamples = new Option<int?>("--train-samples") { Description = "Use only the first N training images (default: all 60,000)." };
        var dataDir = new Option<string?>("--data-dir") { Description = "Folder with the four MNIST .gz files (default: the repository's data/mnist)." };
        var outDir = new Option<string>("--out") { Description = "Where results.csv and report.html go.", DefaultValueFactory = _ => Path.Combine("artifacts", "reproduce") };

        var command = new Command("reproduce", "Run the articles' MNIST experiment without and with L1, and compare.")
        {
            epochs, batchSize, lr, lambda, mode, seed, device, trainSamples, dataDir, outDir,
        };
        command.SetAction((parsed, cancellation) =>
        {
            var options = new TrainingOptions
            {
                Epochs = parsed.GetValue(epochs),
                BatchSize = parsed.GetValue(batchSize),
                LearningRate = parsed.GetValue(lr),
                Seed = parsed.GetValue(seed),
                L1Mode = Enum.Parse<L1Mode>(parsed.GetValue(mode)!, ignoreCase: true),
                Device = parsed.GetValue(device)!,
            };
            double l1 = parsed.GetValue(lambda);
            Cli.Require(double.IsFinite(l1) && l1 >= 0, $"--lambda must be zero or positive (got {l1}).");
            if (options.FirstProblem() is { } problem) throw new UsageException(problem);
            int? limit = parsed.GetValue(trainSamples);
            Cli.Require(limit is null or > 0, $"--train-samples must be positive (got {limit}).");
            var folder = MnistDataFolder.From(parsed.GetValue(dataDir));
            var output = OutputLocation.Prepare(parsed.GetValue(outDir), "--out");

            return Task.FromResult(LibraryFailures.Report(() => Run(options, l1, limit, folder, output, cancellation)));
        });
        return command;
    }

    static int Run(TrainingOptions options, double lambda, int? limit, string dataFolder, string output, CancellationToken cancellation)
    {
        var (fullTrain, test) = Mnist.Load(dataFolder);
        using var _ = fullTrain;
        using var __ = test;
        var train = limit is int n && n < fullTrain.Count ? fullTrain.Take(n) : fullTrain;
        AnsiConsole.MarkupLine($"[bold]MNIST[/]: {train.Count:N0} training and {test.Count:N0} test images from {Markup.Escape(dataFolder)}");
        AnsiConsole.MarkupLine($"MLP 784-256-10, SGD lr {options.LearningRate}, batch {options.BatchSize}, {options.Epochs} epoch(s), seed {options.Seed}, L1 {options.L1Mode.ToString().ToLowerInvariant()} λ = {lambda}");

        var plans = new[]
        {
            ("baseline", options with { L1Lambda = 0 }),
            ("l1", options with { L1Lambda = lambda }),
        };
        Directory.CreateDirectory(output);
        var runs = new List<RunResult>();
        var firstLayers = new List<(TorchSharp.torch.Tensor Weights, string Caption)>();
        foreach (var (name, runOptions) in plans)
        {
            using var model = Mlp.Create([784, 256, 10], runOptions.Seed); // freed whether the run finishes or fails
            // Saved after every finished epoch (atomically), so a diverged or interrupted run keeps its last good weights.
            var checkpoint = Path.Combine(output, $"{name}.ckpt");
            IReadOnlyList<EpochMetrics> history;
            try
            {
                history = Train(name, model, runOptions, train, test, () => Checkpoint.Save(model, checkpoint), cancellation);
            }
            catch (TrainingDivergedException e) when (File.Exists(checkpoint))
            {
                throw new RunFailedException($"{name} run: {e.Message} The last good weights are in {checkpoint}.");
            }
            runs.Add(new RunResult(name, runOptions.UsesL1 ? runOptions.L1Mode : null, runOptions.L1Lambda, history));
            firstLayers.Add(FirstLayer(model, runs[^1]));
        }

        var table = new Table().Title("The articles' experiment, with and without L1");
        foreach (var h in Report.SummaryHeader) table.AddColumn(new TableColumn(Markup.Escape(h)).RightAligned());
        foreach (var row in Report.SummaryRows(runs)) table.AddRow(row.Select(Markup.Escape).ToArray());
        AnsiConsole.Write(table);

        var csv = Path.Combine(output, "results.csv");
        var html = Path.Combine(output, "report.html");
        ResultsTable.WriteCsv(runs, csv);
        var weights = WeightPictures.OnOneScale(firstLayers);
        foreach (var (w, _) in firstLayers) w.Dispose();
        Report.Write(html, "L1Lab: the articles' MNIST experiment", runs, MachineDescription.Now(), weights);
        AnsiConsole.MarkupLine($"Wrote {Markup.Escape(csv)} and {Markup.Escape(html)}");
        return ExitCodes.Ok;
    }

    static IReadOnlyList<EpochMetrics> Train(string name, Mlp model, TrainingOptions options, ImageDataset train, ImageDataset test, Action epochDone, CancellationToken cancellation)
    {
        var trainer = new Trainer(options);
        void Line(EpochMetrics m) => AnsiConsole.MarkupLine(Markup.Escape($"  {name} epoch {m.Epoch}/{options.Epochs}: {m.Summary}"));

        if (!Cli.Interactive)
            return trainer.Fit(model, train, test, new SyncProgress<TrainingProgress>(p => { if (p.Completed is { } m) { Line(m); epochDone(); } }), cancellation);

        IReadOnlyList<EpochMetrics> history = [];
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(name, maxValue: options.Epochs);
                history = trainer.Fit(model, train, test, new SyncProgress<TrainingProgress>(p =>
                {
                    task.Value = p.Epoch - 1 + (double)p.Step / p.StepsPerEpoch;
                    if (p.Completed is { } m)
                    {
                        task.Description = $"{name} (epoch {m.Epoch}: test {100 * m.TestAccuracy:F1} %)";
                        epochDone();
                    }
                }), cancellation);
            });
        foreach (var m in history) Line(m);
        return history;
    }

    /// <summary>The first 64 hidden units' weights (a copy that outlives the model) and the picture's caption.</summary>
    static (TorchSharp.torch.Tensor Weights, string Caption) FirstLayer(Mlp model, RunResult run)
    {
        var weight = model.Layers[0].weight!.detach();
        var units = weight[..Math.Min(64, (int)weight.shape[0])].clone();
        return (units, $"{run.Run} (L1 {run.ModeName}, λ = {run.Lambda:G4}): first-layer weights, {100 * run.Final.ZeroFraction:F2} % of all weights exactly 0");
    }
}
