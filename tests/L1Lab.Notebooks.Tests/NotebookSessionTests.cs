using System.Diagnostics;

namespace L1Lab.Notebooks.Tests;

public sealed class NotebookSessionTests
{
    static async Task<CellResult> Run(NotebookSession session, string code)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await session.ExecuteCellAsync(code, timeout.Token);
    }

    static CellResult Ok(CellResult result)
    {
        Assert.True(result.Succeeded, result.Error?.ToString());
        return result;
    }

    [Fact]
    public async Task State_carries_from_one_cell_to_the_next()
    {
        var session = new NotebookSession();

        Ok(await Run(session, "var x = 20;\nint Twice(int v) => 2 * v;"));
        var second = Ok(await Run(session, "Twice(x) + 2"));

        Assert.Equal(42, second.ReturnValue);
    }

    [Fact]
    public async Task Trailing_expression_becomes_a_text_plain_execute_result_with_the_execution_count()
    {
        var session = new NotebookSession();
        Ok(await Run(session, "var words = new[] { \"l1\", \"l2\" };"));

        var result = Ok(await Run(session, "string.Join(\"+\", words)"));

        var output = Assert.IsType<ExecuteResultOutput>(Assert.Single(result.Outputs));
        Assert.Equal(2, output.ExecutionCount);
        Assert.Equal("l1+l2", output.Bundle.Data["text/plain"]);
        Assert.Equal(["text/plain"], output.Bundle.Data.Keys);
    }

    [Fact]
    public async Task A_cell_ending_in_a_statement_has_no_execute_result()
    {
        var result = Ok(await Run(new NotebookSession(), "var y = 3;"));

        Assert.Empty(result.Outputs);
    }

    [Fact]
    public async Task Display_of_a_DataFrame_gives_the_html_table_and_plain_text_the_course_library_contributes()
    {
        var result = Ok(await Run(new NotebookSession(), $$"""
            {{TestLibrary.Reference}}
            #r "nuget: Microsoft.Data.Analysis, 0.23.1"
            using Microsoft.Data.Analysis;
            var frame = new DataFrame(new PrimitiveDataFrameColumn<double>("lambda", new[] { 0.1, 0.01 }));
            display(frame);
            """));

        var output = Assert.IsType<DisplayDataOutput>(Assert.Single(result.Outputs));
        Assert.Contains("<table>", output.Bundle.Data["text/html"]);
        Assert.Contains("<th>lambda</th>", output.Bundle.Data["text/html"]);
        Assert.Contains("0.01", output.Bundle.Data["text/plain"]);
    }

    [Fact]
    public async Task Display_of_a_PngImage_gives_base64_image_png()
    {
        var result = Ok(await Run(new NotebookSession(), $$"""
            {{TestLibrary.Reference}}
            var bytes = new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 };
            display(new L1Lab.Visuals.PngImage(bytes, 1, 1));
            """));

        var output = Assert.IsType<DisplayDataOutput>(Assert.Single(result.Outputs));
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 }, Convert.FromBase64String(output.Bundle.Data["image/png"]));
    }

    [Fact]
    public async Task Display_and_the_trailing_value_come_in_order_after_console_text()
    {
        var result = Ok(await Run(new NotebookSession(), """
            Console.WriteLine("training...");
            Console.Write("done");
            Console.Error.WriteLine("warning: few samples");
            display(1.5);
            "result"
            """));

        Assert.Collection(result.Outputs,
            o => Assert.Equal(new StreamOutput("stdout", "training...\ndone"), o),
            o => Assert.Equal(new StreamOutput("stderr", "warning: few samples\n"), o),
            o => Assert.Equal("1.5", Assert.IsType<DisplayDataOutput>(o).Bundle.PlainText),
            o => Assert.Equal("result", Assert.IsType<ExecuteResultOutput>(o).Bundle.PlainText));
    }

    [Fact]
    public async Task Compile_error_reports_roslyns_message_on_the_cells_line()
    {
        var result = await Run(new NotebookSession(), "#r \"nuget: TorchSharp-cpu, 0.107.0\"\nvar a = 1;\nvar b = a + missing;");

        Assert.Equal(CellErrorKind.Compilation, result.Error?.Kind);
        Assert.Equal(3, result.Error?.Line);
        Assert.StartsWith("error CS0103:", result.Error?.Message);
        Assert.Contains("missing", result.Error?.Message);
        Assert.IsType<ErrorOutput>(Assert.Single(result.Outputs));
    }

    [Fact]
    public async Task Runtime_exception_reports_its_type_and_line_and_the_session_goes_on()
    {
        var session = new NotebookSession();

        var failed = await Run(session, "var ok = 1;\n\nthrow new InvalidOperationException(\"boom\");");
        var next = Ok(await Run(session, "ok + 1"));

        Assert.Equal(CellErrorKind.Runtime, failed.Error?.Kind);
        Assert.Equal(3, failed.Error?.Line);
        Assert.Equal("System.InvalidOperationException: boom", failed.Error?.Message);
        Assert.Equal(2, next.ReturnValue);
    }

    [Fact]
    public async Task Cancellation_stops_a_cell_spinning_in_an_endless_loop()
    {
        var session = new NotebookSession();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var watch = Stopwatch.StartNew();

        var result = await session.ExecuteCellAsync("long spins = 0;\nwhile (true) spins++;", cancel.Token);

        Assert.Equal(CellErrorKind.Cancelled, result.Error?.Kind);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        Ok(await Run(session, "1 + 1"));
    }

    [Fact]
    public async Task Cancellation_stops_library_training_started_by_a_cell_within_one_step()
    {
        // Given a cell that trains for far longer than the test waits, counting progress reports, and that
        // cancels its own run (through a token the test hands over) once training is under way
        using var cancel = new CancellationTokenSource();
        AppContext.SetData("l1lab-test-cancel", cancel);
        var session = new NotebookSession();
        Ok(await Run(session, $$"""
            {{TestLibrary.Reference}}
            #r "nuget: TorchSharp-cpu, 0.107.0"
            L1Lab.Native.TorchRuntime.Initialize();
            var reports = 0;
            var data = new L1Lab.Data.ImageDataset(TorchSharp.torch.rand(64, 784), TorchSharp.torch.zeros(64, TorchSharp.torch.int64), 28, 10);
            var model = L1Lab.Models.Mlp.Create(new[] { 784, 8, 10 }, seed: 1);
            var trainer = new L1Lab.Training.Trainer(new L1Lab.Training.TrainingOptions { Epochs = 1_000_000, BatchSize = 1 });
            var cancel = (CancellationTokenSource)AppContext.GetData("l1lab-test-cancel")!;
            class Count(Action<L1Lab.Training.TrainingProgress> report) : IProgress<L1Lab.Training.TrainingProgress> { public void Report(L1Lab.Training.TrainingProgress p) => report(p); }
            """));

        // When the cell is cancelled while the trainer (library code, no loop of the cell's own) runs: in epoch 2 at
        // step 50 of 64, mid-epoch, where only a check in every step can stop it (epoch 1 reported steps 50, 64 and its metrics)
        var result = await session.ExecuteCellAsync(
            "trainer.Fit(model, data, data, new Count(p => { reports++; if (p is { Epoch: 2, Step: 50 }) cancel.Cancel(); }));", cancel.Token);

        // Then the trainer stopped within one step (no report of step 64), and the session still answers
        Assert.Equal(CellErrorKind.Cancelled, result.Error?.Kind);
        var reportsAfterWaiting = Ok(await Run(session, "System.Threading.Thread.Sleep(500); reports")).ReturnValue;
        Assert.Equal(3 + 1, reportsAfterWaiting);
    }

    [Fact]
    public async Task Cancellation_returns_promptly_from_a_long_await()
    {
        var session = new NotebookSession();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        var result = await session.ExecuteCellAsync("await Task.Delay(60000);\n\"finished\"", cancel.Token);

        Assert.Equal(CellErrorKind.Cancelled, result.Error?.Kind);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Loops_stay_correct_with_the_inserted_cancellation_checks()
    {
        var result = Ok(await Run(new NotebookSession(), """
            var sum = 0;
            for (var i = 0; i < 10; i++) sum += i;
            foreach (var v in new[] { 1, 2 }) { sum += v; }
            var k = 0;
            do k++; while (k < 3);
            while (k < 5) k++;
            sum + k
            """));

        Assert.Equal(45 + 3 + 5, result.ReturnValue);
    }

    [Theory]
    [InlineData("#!markdown\n# Title", "#!markdown")]
    [InlineData("#!fsharp\nlet x = 1", "#!fsharp")]
    [InlineData("var x = 1;\n#!time", "#!time")]
    public async Task Unknown_magic_command_is_a_directive_error_naming_it(string code, string magic)
    {
        var result = await Run(new NotebookSession(), code);

        Assert.Equal(CellErrorKind.Directive, result.Error?.Kind);
        Assert.Contains(magic, result.Error?.Message);
    }

    [Fact]
    public async Task A_leading_csharp_magic_is_ignored()
    {
        var result = Ok(await Run(new NotebookSession(), "#!csharp\n1 + 1"));

        Assert.Equal(2, result.ReturnValue);
    }

    [Fact]
    public async Task Hash_i_is_a_directive_error()
    {
        var result = await Run(new NotebookSession(), "#i \"nuget: https://example.invalid/v3/index.json\"");

        Assert.Equal(CellErrorKind.Directive, result.Error?.Kind);
        Assert.Contains("#i", result.Error?.Message);
    }

    [Fact]
    public async Task Nuget_reference_with_another_version_than_the_pin_is_an_error_naming_both()
    {
        var result = await Run(new NotebookSession(), "\n#r \"nuget: TorchSharp-cpu, 0.105.0\"");

        Assert.Equal(CellErrorKind.Directive, result.Error?.Kind);
        Assert.Equal(2, result.Error?.Line);
        Assert.Contains("TorchSharp-cpu", result.Error?.Message);
        Assert.Contains("0.105.0", result.Error?.Message);
        Assert.Contains("0.107.0", result.Error?.Message);
    }

    [Fact]
    public async Task Nuget_reference_without_a_version_is_an_error_suggesting_the_pin()
    {
        var result = await Run(new NotebookSession(), "#r \"nuget: Microsoft.Data.Analysis\"");

        Assert.Equal(CellErrorKind.Directive, result.Error?.Kind);
        Assert.Contains("Microsoft.Data.Analysis, 0.23.1", result.Error?.Message);
    }

    [Fact]
    public async Task Missing_assembly_file_is_an_error_with_its_full_path()
    {
        using var temp = new TempNotebook();
        var session = new NotebookSession(new NotebookSessionOptions { BaseDirectory = temp.Directory });

        var result = await Run(session, "#r \"lib/Nowhere.dll\"");

        Assert.Equal(CellErrorKind.Directive, result.Error?.Kind);
        Assert.Contains(Path.Combine(temp.Directory, "lib", "Nowhere.dll"), result.Error?.Message);
    }

    [Fact]
    public async Task A_tensor_made_in_a_cell_is_the_hosts_tensor_type_and_prints_numpy_style()
    {
        var session = new NotebookSession();
        var library = typeof(L1Lab.L1).Assembly.Location;

        var result = Ok(await Run(session, $$"""
            #r "nuget: TorchSharp-cpu, 0.107.0"
            #r "{{library}}"
            L1Lab.Native.TorchRuntime.Initialize();
            TorchSharp.torch.tensor(new float[] { 1f, -2f, 3f }).abs().sum()
            """));

        var tensor = Assert.IsType<TorchSharp.torch.Tensor>(result.ReturnValue);
        Assert.Equal(6f, tensor.item<float>());
        Assert.Equal("6", Assert.IsType<ExecuteResultOutput>(Assert.Single(result.Outputs)).Bundle.PlainText.Trim());
    }
}
