using System.Globalization;
using L1Lab.Data;
using L1Lab.Experiments;
using L1Lab.Models;
using L1Lab.Tests.Training;
using L1Lab.Training;

namespace L1Lab.Tests.Experiments;

public sealed class SweepTests(SmallMnist data) : IClassFixture<SmallMnist>
{
    static readonly SweepOptions Small = new()
    {
        Lambdas = [0, 1e-2],
        Modes = [L1Mode.Penalty, L1Mode.Proximal],
        Seeds = [1],
        HiddenSizes = [32],
        Training = new TrainingOptions { Epochs = 2, LearningRate = 0.05 },
    };

    [Fact]
    public void The_plan_trains_lambda_zero_once_per_seed_and_every_mode_at_positive_lambdas()
    {
        var plan = Sweep.Plan(Small with { Seeds = [1, 2] });

        Assert.Equal(
            [(0.0, (L1Mode?)null, 1L), (0.0, null, 2L), (1e-2, L1Mode.Penalty, 1L), (1e-2, L1Mode.Penalty, 2L), (1e-2, L1Mode.Proximal, 1L), (1e-2, L1Mode.Proximal, 2L)],
            plan);
    }

    [Fact]
    public void A_sweep_returns_one_row_per_run_and_only_proximal_L1_makes_exact_zeros()
    {
        var seen = new List<ExperimentProgress>();

        var rows = Sweep.Run(data.Train, data.Test, Small, new Callback(seen.Add));

        Assert.Equal(["none", "penalty", "proximal"], rows.Select(r => r.ModeName));
        Assert.Equal(0, rows[0].ZeroFraction);
        Assert.True(rows[2].ZeroFraction > 0.2, $"proximal zeros {rows[2].ZeroFraction}");
        Assert.True(rows[1].ZeroFraction < 0.01, $"penalty zeros {rows[1].ZeroFraction}");
        Assert.Equal([1, 2, 3], seen.Select(p => p.Run).Distinct());
        Assert.Contains(seen, p => p.Label == "λ=0.01 proximal seed 1" && p.Training.Completed is { Epoch: 2 });

        // The proximal row, recomputed outside the sweep: the same seeded model trained with its settings, its answers counted by hand
        using var model = Mlp.Create([784, 32, 10], seed: 1);
        new Trainer(Small.Training with { L1Lambda = 1e-2, L1Mode = L1Mode.Proximal, Seed = 1 }).Fit(model, data.Train, data.Test);
        double train = CountedAccuracy(model, data.Train), test = CountedAccuracy(model, data.Test);
        Assert.Equal((train, test), (rows[2].TrainAccuracy, rows[2].TestAccuracy));
        Assert.Equal(train - test, rows[2].Gap, 12);
        Assert.Equal(Sparsity.Measure(model).ZeroFraction, rows[2].ZeroFraction);
    }

    static double CountedAccuracy(Mlp model, ImageDataset set)
    {
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var predicted = model.forward(set.Images).argmax(1).data<long>().ToArray();
        var labels = set.Labels.data<long>().ToArray();
        return predicted.Zip(labels).Count(p => p.First == p.Second) / (double)set.Count;
    }

    [Fact]
    public void The_same_options_give_the_same_rows_apart_from_time()
    {
        var options = Small with { Modes = [L1Mode.Proximal], Training = Small.Training with { Epochs = 1 } };

        var first = Sweep.Run(data.Train, data.Test, options).Select(r => r with { Seconds = 0 });
        var second = Sweep.Run(data.Train, data.Test, options).Select(r => r with { Seconds = 0 });

        Assert.Equal(first, second);
    }

    [Fact]
    public void Csv_and_DataFrame_hold_every_row_with_round_trippable_numbers()
    {
        SweepResult[] rows = [new(0, null, 1, 0.9, 0.8, 0, 0.01, 1.5), new(1e-4, L1Mode.Proximal, 1, 0.85, 0.8125, 0.3, 0.4, 2)];

        var lines = Sweep.ToCsv(rows).TrimEnd('\n').Split('\n');
        var frame = Sweep.ToDataFrame(rows);

        Assert.Equal(string.Join(',', Sweep.Columns), lines[0]);
        Assert.Equal(3, lines.Length);
        var cells = lines[2].Split(',');
        Assert.Equal(1e-4, double.Parse(cells[0], CultureInfo.InvariantCulture));
        Assert.Equal("proximal", cells[1]);
        Assert.Equal(0.85 - 0.8125, double.Parse(cells[5], CultureInfo.InvariantCulture));
        Assert.Equal(2, frame.Rows.Count);
        Assert.Equal(Sweep.Columns, frame.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Cancellation_stops_the_sweep()
    {
        using var cancel = new CancellationTokenSource();
        var progress = new Callback(p => { if (p.Run == 2) cancel.Cancel(); });

        Assert.ThrowsAny<OperationCanceledException>(() => Sweep.Run(data.Train, data.Test, Small, progress, cancel.Token));
    }

    [Theory]
    [InlineData(-1e-3, "λ")]
    [InlineData(double.NaN, "λ")]
    public void Invalid_lambdas_are_rejected(double lambda, string named)
    {
        var error = Assert.Throws<ArgumentException>(() => Sweep.Plan(Small with { Lambdas = [0, lambda] }));

        Assert.Contains(named, error.Message);
    }

    sealed class Callback(Action<ExperimentProgress> report) : IProgress<ExperimentProgress>
    {
        public void Report(ExperimentProgress value) => report(value);
    }
}
