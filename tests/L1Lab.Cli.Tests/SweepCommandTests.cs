namespace L1Lab.Cli.Tests;

public sealed class SweepCommandTests : IDisposable
{
    readonly string _output = Directory.CreateTempSubdirectory("l1lab-sweep-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public void A_short_sweep_writes_one_csv_row_per_run_and_a_report()
    {
        var result = App.Run("sweep", "--lambdas", "0,1e-3", "--l1-mode", "proximal,penalty", "--epochs", "1",
            "--hidden", "16", "--train-samples", "300", "--out", _output);

        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        var rows = File.ReadAllLines(Path.Combine(_output, "sweep.csv"));
        // λ = 0 is trained once (no mode), λ = 1e-3 once per mode.
        Assert.Equal(4, rows.Length);
        Assert.StartsWith("lambda,l1_mode,seed", rows[0]);
        Assert.Equal(["none", "penalty", "proximal"], rows[1..].Select(r => r.Split(',')[1]).Order());
        Assert.True(File.Exists(Path.Combine(_output, "sweep.html")));
    }

    [Theory]
    [InlineData("--lambdas", "0,abc", "abc")]
    [InlineData("--lambdas", "0,-1e-3", "-1e-3")]
    [InlineData("--epochs", "0", "epochs")]
    [InlineData("--l1-mode", "sideways", "sideways")]
    public void Bad_sweep_arguments_are_one_line_and_exit_code_2(string option, string value, string named)
    {
        var result = App.Run("sweep", option, value, "--out", _output);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, Assert.Single(result.Error.Trim().Split('\n')));
        Assert.Empty(Directory.GetFiles(_output));
    }
}
