using System.Globalization;
using System.Text;

namespace L1Lab.Cli.Tests;

/// <summary>
/// The articles' bug was a λ that was declared and never applied. These tests run the real app with tiny sizes and
/// check the numbers that only change when <c>--lambda</c> and <c>--l1-mode</c> reach the training loop: the
/// penalty column, the exact-zero fraction, and the trained weights themselves (read from the checkpoints with a
/// reader written here, independently of the library).
/// </summary>
public sealed class L1OptionsAppliedTests : IDisposable
{
    const double StrongLambda = 0.1; // η·λ = 1e-3 per step: over ~19 steps, larger than most initial |w| (≤ 1/28)
    readonly string _output = Directory.CreateTempSubdirectory("l1lab-l1-applied-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public void Reproduce_with_lambda_zero_has_no_penalty_and_no_zeros()
    {
        var (baseline, l1) = Reproduce("proximal", 0);

        Assert.Equal(0, l1.Penalty);
        Assert.Equal(0, l1.ZeroFraction);
        Assert.Equal(baseline.DataLoss, l1.DataLoss); // same seed, nothing added: the very same run
    }

    [Fact]
    public void Reproduce_proximal_with_a_large_lambda_makes_many_exact_zeros()
    {
        var (baseline, l1) = Reproduce("proximal", StrongLambda);

        Assert.Equal(0, baseline.ZeroFraction);
        Assert.True(l1.ZeroFraction > 0.3, $"proximal λ = {StrongLambda}: only {l1.ZeroFraction:P2} of the weights are exactly 0");
        AssertPenaltyIsLambdaTimesSumOfAbsoluteWeights(l1, StrongLambda, "l1.ckpt");
    }

    [Fact]
    public void Reproduce_penalty_mode_reports_lambda_times_the_L1_norm_and_shrinks_the_weights()
    {
        var (_, l1) = Reproduce("penalty", StrongLambda);

        AssertPenaltyIsLambdaTimesSumOfAbsoluteWeights(l1, StrongLambda, "l1.ckpt");
        // The penalty must have been in the loss, not only in the report: the weights are much smaller than without it.
        double withL1 = SumOfAbsoluteWeights("l1.ckpt"), without = SumOfAbsoluteWeights("baseline.ckpt");
        Assert.True(withL1 < 0.7 * without, $"Σ|w| with the L1 penalty {withL1:F1}, without {without:F1}: λ was not applied");
        // Gradient steps on a penalty in the loss hover around zero; exact zeros are the proximal step's mark.
        Assert.True(l1.ZeroFraction < 0.01, $"penalty mode made {l1.ZeroFraction:P2} exact zeros: the proximal step ran instead");
    }

    [Fact]
    public void Sweep_applies_each_lambda_and_mode_it_lists()
    {
        var result = App.Run("sweep", "--lambdas", $"0,{StrongLambda.ToString(CultureInfo.InvariantCulture)}", "--l1-mode", "penalty,proximal",
            "--epochs", "1", "--hidden", "64", "--train-samples", "600", "--out", _output);
        Assert.True(result.ExitCode == 0, result.Error + result.Out);

        var rows = Csv(Path.Combine(_output, "sweep.csv")).ToDictionary(r => r["l1_mode"]);
        var (none, penalty, proximal) = (rows["none"], rows["penalty"], rows["proximal"]);
        Assert.Equal(0, Number(none, "zero_fraction"));
        Assert.True(Number(proximal, "zero_fraction") > 0.3, $"proximal λ = {StrongLambda}: {Number(proximal, "zero_fraction"):P2} exact zeros");
        Assert.True(Number(penalty, "zero_fraction") < 0.01, $"penalty mode made {Number(penalty, "zero_fraction"):P2} exact zeros");
        // The penalty shrinks weights towards 0 (|w| < 1e-3) even without making them exactly 0.
        Assert.True(Number(penalty, "near_zero_fraction") > Number(none, "near_zero_fraction") + 0.1,
            $"near-zero fraction with the penalty {Number(penalty, "near_zero_fraction"):P2}, without {Number(none, "near_zero_fraction"):P2}");
    }

    sealed record Final(double DataLoss, double Penalty, double ZeroFraction);

    /// <summary>Runs reproduce for one epoch on 600 images; returns the final row of the baseline and of the L1 run.</summary>
    (Final Baseline, Final L1) Reproduce(string mode, double lambda)
    {
        var result = App.Run("reproduce", "--epochs", "1", "--train-samples", "600", "--l1-mode", mode,
            "--lambda", lambda.ToString(CultureInfo.InvariantCulture), "--out", _output);
        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        var rows = Csv(Path.Combine(_output, "results.csv"));
        Final Row(string run)
        {
            var r = rows.Last(r => r["run"] == run);
            return new Final(Number(r, "data_loss"), Number(r, "penalty"), Number(r, "zero_fraction"));
        }
        Assert.Equal(lambda > 0 ? mode : "none", rows.Last(r => r["run"] == "l1")["l1_mode"]);
        return (Row("baseline"), Row("l1"));
    }

    void AssertPenaltyIsLambdaTimesSumOfAbsoluteWeights(Final run, double lambda, string checkpoint)
    {
        double expected = lambda * SumOfAbsoluteWeights(checkpoint);
        Assert.True(expected > 0);
        Assert.True(Math.Abs(run.Penalty - expected) <= 1e-4 * expected,
            $"reported penalty {run.Penalty}, λ·Σ|w| of the saved weights {expected}");
    }

    /// <summary>Σ|w| over the weight matrices (not the biases, which L1 leaves alone) of a checkpoint file.</summary>
    double SumOfAbsoluteWeights(string checkpoint)
    {
        // The format of L1Lab.Training.Checkpoint: "L1LABCK1", count, then per parameter name, rank, shape, float32 values.
        using var reader = new BinaryReader(File.OpenRead(Path.Combine(_output, checkpoint)), Encoding.UTF8);
        Assert.Equal("L1LABCK1"u8.ToArray(), reader.ReadBytes(8));
        int count = reader.ReadInt32();
        double sum = 0;
        for (int p = 0; p < count; p++)
        {
            _ = reader.ReadString();
            int rank = reader.ReadInt32();
            long size = 1;
            for (int d = 0; d < rank; d++) size *= reader.ReadInt64();
            for (long i = 0; i < size; i++)
            {
                float value = reader.ReadSingle();
                if (rank >= 2) sum += Math.Abs(value);
            }
        }
        return sum;
    }

    static List<Dictionary<string, string>> Csv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return lines[1..].Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    static double Number(Dictionary<string, string> row, string column) =>
        double.Parse(row[column], NumberStyles.Float, CultureInfo.InvariantCulture);
}
