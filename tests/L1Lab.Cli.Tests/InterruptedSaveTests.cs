using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace L1Lab.Cli.Tests;

/// <summary>
/// <c>notebooks run --save-to</c> killed (SIGKILL) at random moments — while starting, while running cells, while
/// saving — never leaves a partial notebook: the saved file is the previous one or the complete new one.
/// </summary>
public sealed class InterruptedSaveTests(ITestOutputHelper output) : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("l1lab-interrupted-save-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_killed_run_leaves_the_old_saved_notebook_or_the_complete_new_one()
    {
        // Given a notebook with a large output (so saving takes a while) and an old saved copy
        var source = Path.Combine(_folder, "big.ipynb");
        var cells = new object[]
        {
            new { cell_type = "code", id = "a", metadata = new { }, execution_count = (int?)null, outputs = Array.Empty<object>(), source = "var text = new string('x', 4_000_000);" },
            new { cell_type = "code", id = "b", metadata = new { }, execution_count = (int?)null, outputs = Array.Empty<object>(), source = "text" },
        };
        File.WriteAllText(source, JsonSerializer.Serialize(new { cells, metadata = new { }, nbformat = 4, nbformat_minor = 5 }));
        var saveTo = Path.Combine(_folder, "out");
        Directory.CreateDirectory(saveTo);
        var saved = Path.Combine(saveTo, "big.ipynb");
        const string Old = "{\"old\": true}";
        File.WriteAllText(saved, Old);

        // A complete run first, to know how long one takes
        var clock = Stopwatch.StartNew();
        var complete = App.Run("notebooks", "run", source, "--save-to", saveTo);
        var full = clock.Elapsed;
        Assert.True(complete.ExitCode == 0, complete.Error);
        File.WriteAllText(saved, Old);

        var random = new Random(20261129);
        int killedBefore = 0, killedAfter = 0, killedWhileSaving = 0, finished = 0;
        for (int run = 0; run < 12; run++)
        {
            // When the run is killed: even runs at a random moment, odd runs just after the save has begun
            // (its temporary file appeared), a few milliseconds into writing
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "L1Lab.Cli.dll"), "notebooks", "run", source, "--save-to", saveTo })
                start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEndAsync();
            bool exited;
            if (run % 2 == 0) exited = process.WaitForExit(full * random.NextDouble());
            else
            {
                while (!process.HasExited && !Directory.EnumerateFiles(saveTo, ".big.ipynb.*").Any()) Thread.Sleep(1);
                Thread.Sleep(random.Next(0, 20));
                exited = process.HasExited;
                if (!exited) killedWhileSaving++;
            }
            if (exited) finished++;
            else
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            // Then the file is the old one or a complete notebook holding the whole output
            var text = File.ReadAllText(saved);
            if (text == Old) { killedBefore++; continue; }
            using var json = JsonDocument.Parse(text);
            var output = json.RootElement.GetProperty("cells")[1].GetProperty("outputs")[0].GetProperty("data").GetProperty("text/plain");
            var value = output.ValueKind == JsonValueKind.Array ? string.Concat(output.EnumerateArray().Select(l => l.GetString())) : output.GetString()!;
            Assert.Contains(new string('x', 4_000_000), value);
            killedAfter++;
            File.WriteAllText(saved, Old);
        }
        output.WriteLine($"a complete run took {full.TotalSeconds:F1} s; 12 runs: {killedBefore} left the old file, {killedAfter} the complete new one; " +
            $"{killedWhileSaving} killed while saving, {finished} finished before the kill");
        Assert.Equal(12, killedBefore + killedAfter);
        Assert.True(killedWhileSaving > 0, "no run was killed while saving, so the test proved nothing about that moment");
    }
}
