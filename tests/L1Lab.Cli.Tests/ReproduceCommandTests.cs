namespace L1Lab.Cli.Tests;

public sealed class ReproduceCommandTests : IDisposable
{
    readonly string _output = Directory.CreateTempSubdirectory("l1lab-reproduce-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public void A_short_reproduce_run_writes_results_csv_report_and_checkpoints()
    {
        var result = App.Run("reproduce", "--epochs", "2", "--train-samples", "600", "--l1-mode", "proximal", "--lambda", "0.001", "--out", _output);

        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        var rows = File.ReadAllLines(Path.Combine(_output, "results.csv"));
        Assert.Equal("run,l1_mode,lambda,epoch,data_loss,penalty,train_accuracy,test_accuracy,zero_fraction,near_zero_fraction,seconds", rows[0]);
        Assert.Equal(["baseline", "baseline", "l1", "l1"], rows[1..].Select(r => r.Split(',')[0]));
        Assert.All(rows[3..], r => Assert.Equal("proximal", r.Split(',')[1]));
        Assert.Contains("<table>", File.ReadAllText(Path.Combine(_output, "report.html")));
        Assert.True(File.Exists(Path.Combine(_output, "baseline.ckpt")) && File.Exists(Path.Combine(_output, "l1.ckpt")));
        Assert.Contains("test accuracy", result.Out);
    }

    [Theory]
    [InlineData("--lambda", "-0.1", "--lambda")]
    [InlineData("--batch-size", "0", "batch size")]
    [InlineData("--epochs", "0", "epochs")]
    [InlineData("--lr", "abc", "abc")]
    [InlineData("--data-dir", "/no/such/folder", "/no/such/folder")]
    [InlineData("--l1-mode", "sideways", "sideways")]
    [InlineData("--device", "cuda", "cuda")] // this machine has no CUDA: TrainingOptions.FirstProblem says so
    public void A_bad_option_prints_one_line_naming_it_and_exits_with_2(string option, string value, string named)
    {
        var result = App.Run("reproduce", option, value, "--out", _output);

        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Trim().Split('\n');
        Assert.Single(lines);
        Assert.Contains(named, lines[0]);
        Assert.Empty(Directory.GetFiles(_output));
    }
}

public sealed class ReproduceFailureTests : IDisposable
{
    readonly string _output = Directory.CreateTempSubdirectory("l1lab-reproduce-fail-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public void A_diverging_run_stops_with_one_line_naming_epoch_and_step_and_exit_code_1()
    {
        var result = App.Run("reproduce", "--lr", "1e20", "--epochs", "2", "--train-samples", "300", "--out", _output);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Matches(@"diverged at epoch 1, step \d+", line);
        Assert.False(File.Exists(Path.Combine(_output, "results.csv")));
    }

    [Fact]
    public void Ctrl_C_in_the_middle_of_a_step_lets_no_further_step_start()
    {
        // Given a run whose 11th step (4 parameter updates per step: two weight matrices, two biases) is interrupted
        // after its 2nd update, the training thread held until the app has seen the Ctrl+C
        var count = Path.Combine(_output, "updates-after-cancel.txt");
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location,
            [StartupHook.InterruptAtVariable] = "42",
            [StartupHook.UpdatesAfterVariable] = count,
        };

        // When the run goes on
        var result = App.Run(environment, "reproduce", "--epochs", "1", "--train-samples", "2000", "--out", Path.Combine(_output, "out"));

        // Then it stops as cancelled, and at most the interrupted step's last 2 updates ran after the cancellation
        Assert.True(result.ExitCode == 130, result.Error + result.Out);
        var after = int.Parse(File.ReadAllText(count), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(after, 0, 2);
    }

    [Fact]
    public async Task Ctrl_C_stops_training_within_a_step_keeps_finished_epochs_and_writes_no_partial_results()
    {
        // Given a long run that has finished its first epoch (a checkpoint exists)
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "L1Lab.Cli.dll"), "reproduce", "--epochs", "1000", "--train-samples", "2000", "--out", _output })
            start.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null && !line.Contains("epoch 1/1000")) { }
        Assert.NotNull(line);
        var stdout = process.StandardOutput.ReadToEndAsync();

        // When the user presses Ctrl+C
        using (var kill = System.Diagnostics.Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            kill.WaitForExit();

        // Then the app stops on its own, says so in one line, keeps the checkpoint and writes no results
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "the app did not stop after Ctrl+C");
        Assert.Equal(130, process.ExitCode); // 128 + SIGINT, as README's exit codes say
        Assert.Contains("cancelled", await stderr);
        Assert.True(File.Exists(Path.Combine(_output, "baseline.ckpt")));
        Assert.False(File.Exists(Path.Combine(_output, "results.csv")));
        Assert.Empty(Directory.GetFiles(_output, "*.tmp"));
        await stdout;
    }
}
