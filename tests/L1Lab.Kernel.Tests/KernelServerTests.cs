using System.Diagnostics;
using System.Text.Json.Nodes;

namespace L1Lab.Kernel.Tests;

/// <summary>The kernel as a front end sees it: the built CLI driven by Python's jupyter_client.</summary>
public sealed class KernelServerTests
{
    [Fact]
    public void Kernel_info_reply_describes_a_CSharp_kernel_on_protocol_5_3()
    {
        using var kernel = KernelProcess.Start();

        var reply = kernel.Drive(Step.KernelInfo())[0]!["reply"]!;

        Assert.Equal("ok", (string)reply["status"]!);
        Assert.Equal("5.3", (string)reply["protocol_version"]!);
        Assert.Equal("l1lab", (string)reply["implementation"]!);
        var language = reply["language_info"]!;
        Assert.Equal("C#", (string)language["name"]!);
        Assert.Equal(".cs", (string)language["file_extension"]!);
        Assert.Equal("text/x-csharp", (string)language["mimetype"]!);
        Assert.Equal("csharp", (string)language["pygments_lexer"]!);
        Assert.Contains("L1Lab", (string)reply["banner"]!);
    }

    [Fact]
    public void Cells_share_state_and_publish_busy_input_stream_result_idle_in_order()
    {
        using var kernel = KernelProcess.Start();

        var results = kernel.Drive(
            Step.Execute("var x = 40;\nConsole.WriteLine(\"hello\");\nConsole.Error.Write(\"warn\");\nx + 2"),
            Step.Execute("int Twice(int v) => 2 * v;\ndisplay(Twice(x));\nx * 10"));

        var first = results[0]!;
        Assert.Equal("ok", first.Status());
        Assert.Equal(1, (int)first["reply"]!["execution_count"]!);
        Assert.Equal(["status:busy", "execute_input", "stream", "stream", "execute_result", "status:idle"], first.IOPubTypes());
        var streams = first["iopub"]!.AsArray().Where(m => (string)m!["type"]! == "stream").Select(m => m!["content"]!).ToList();
        Assert.Equal(("stdout", "hello\n"), ((string)streams[0]["name"]!, (string)streams[0]["text"]!));
        Assert.Equal(("stderr", "warn"), ((string)streams[1]["name"]!, (string)streams[1]["text"]!));
        Assert.Equal("42", first.ResultText());

        var second = results[1]!;
        Assert.Equal(2, (int)second["reply"]!["execution_count"]!);
        Assert.Equal(["status:busy", "execute_input", "display_data", "execute_result", "status:idle"], second.IOPubTypes());
        Assert.Equal("80", (string)second["iopub"]![2]!["content"]!["data"]!["text/plain"]!);
        Assert.Equal("400", second.ResultText());
        Assert.Equal(2, (int)second["iopub"]![3]!["content"]!["execution_count"]!);
    }

    [Fact]
    public void Console_output_is_published_while_the_cell_still_runs()
    {
        using var kernel = KernelProcess.Start();

        var result = kernel.Drive(Step.Execute("Console.WriteLine(\"first\");\nSystem.Threading.Thread.Sleep(1500);\nConsole.WriteLine(\"second\");"))[0]!;

        var iopub = result["iopub"]!.AsArray().Select(m => m!).ToList();
        var first = iopub.Single(m => (string)m["type"]! == "stream" && ((string)m["content"]!["text"]!).Contains("first"));
        var idle = iopub.Last(m => (string)m["type"]! == "status");
        double secondsBeforeIdle = (double)idle["sent"]! - (double)first["sent"]!;
        Assert.True(secondsBeforeIdle >= 1.0, $"'first' was published {secondsBeforeIdle:F2} s before the cell ended; expected while it slept");
    }

    [Fact]
    public void A_failing_cell_replies_error_with_its_line_and_the_next_cell_still_sees_earlier_state()
    {
        using var kernel = KernelProcess.Start();

        var results = kernel.Drive(
            Step.Execute("var kept = 7;"),
            Step.Execute("var a = 1;\nvar b = undefinedName;"),
            Step.Execute("int[] empty = [];\nvar boom = empty[3];"),
            Step.Execute("kept * 6"));

        var compile = results[1]!;
        Assert.Equal("error", compile.Status());
        Assert.Equal("Compilation", (string)compile["reply"]!["ename"]!);
        Assert.Contains("CS0103", (string)compile["reply"]!["evalue"]!);
        Assert.StartsWith("line 2: error CS0103", (string)compile["reply"]!["traceback"]![0]!);
        Assert.Equal(["status:busy", "execute_input", "error", "status:idle"], compile.IOPubTypes());

        var runtime = results[2]!;
        Assert.Equal("error", runtime.Status());
        Assert.Equal("Runtime", (string)runtime["reply"]!["ename"]!);
        Assert.StartsWith("line 2: System.IndexOutOfRangeException", (string)runtime["reply"]!["traceback"]![0]!);

        Assert.Equal("ok", results[3]!.Status());
        Assert.Equal("42", results[3]!.ResultText());
        Assert.Equal(4, (int)results[3]!["reply"]!["execution_count"]!);
    }

    [Fact]
    public void Silent_execution_publishes_nothing_and_does_not_advance_the_count()
    {
        using var kernel = KernelProcess.Start();

        var results = kernel.Drive(Step.Execute("var quiet = 5; Console.WriteLine(\"unseen\"); quiet", silent: true), Step.Execute("quiet + 1"));

        Assert.Equal("ok", results[0]!.Status());
        Assert.Equal(["status:busy", "status:idle"], results[0]!.IOPubTypes());
        Assert.Equal("6", results[1]!.ResultText());
        Assert.Equal(1, (int)results[1]!["reply"]!["execution_count"]!);
    }

    [Theory]
    [InlineData("while (true) { }")]
    [InlineData("for (var i = 0; i < 100_000; i++) System.Threading.Thread.Sleep(10);")]
    public void Interrupt_request_stops_a_long_cell_and_the_next_cell_runs(string longCell)
    {
        using var kernel = KernelProcess.Start();

        var results = kernel.Drive(
            Step.Execute("var before = 41;"),
            Step.Execute(longCell, interruptAfter: 2.0),
            Step.Execute("before + 1"));

        var interrupted = results[1]!;
        Assert.Equal("ok", (string)interrupted["interrupt_reply"]!["status"]!);
        Assert.Equal("error", interrupted.Status());
        Assert.Equal("Cancelled", (string)interrupted["reply"]!["ename"]!);
        Assert.True((double)interrupted["seconds_after_interrupt"]! < 5, $"the cell stopped {(double)interrupted["seconds_after_interrupt"]!:0.0} s after the interrupt");
        Assert.Equal("ok", results[2]!.Status());
        Assert.Equal("42", results[2]!.ResultText());
    }

    [Fact]
    public void Shutdown_request_is_answered_and_the_kernel_process_exits()
    {
        using var kernel = KernelProcess.Start();

        var results = kernel.Drive(Step.Execute("var x = 1;"), Step.Shutdown());
        var watch = Stopwatch.StartNew();
        var exited = kernel.Process.WaitForExit(TimeSpan.FromSeconds(5));

        Assert.Equal("ok", results[1]!.Status());
        Assert.False((bool)results[1]!["reply"]!["restart"]!);
        Assert.True(exited, $"the kernel was still running 5 s after shutdown_reply; stderr:\n{kernel.Stderr}");
        Assert.Equal(0, kernel.Process.ExitCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Is_complete_complete_inspect_comm_info_and_history_requests_are_answered()
    {
        using var kernel = KernelProcess.Start();

        var results = kernel.Drive(
            Step.Request("is_complete_request", new() { ["code"] = "var total = 1;" }),
            Step.Request("is_complete_request", new() { ["code"] = "if (total > 0) {" }),
            Step.Request("is_complete_request", new() { ["code"] = "var = ;" }),
            Step.Execute("var totalLoss = 0.5;"),
            Step.Request("complete_request", new() { ["code"] = "var y = tot", ["cursor_pos"] = 11 }),
            Step.Request("inspect_request", new() { ["code"] = "totalLoss", ["cursor_pos"] = 3, ["detail_level"] = 0 }),
            Step.Request("comm_info_request", new()),
            Step.Request("history_request", new() { ["output"] = false, ["raw"] = true, ["hist_access_type"] = "tail", ["n"] = 10 }));

        Assert.Equal("complete", (string)results[0]!["reply"]!["status"]!);
        Assert.Equal("incomplete", (string)results[1]!["reply"]!["status"]!);
        Assert.Equal("invalid", (string)results[2]!["reply"]!["status"]!);
        var completion = results[4]!["reply"]!;
        Assert.Equal("ok", (string)completion["status"]!);
        Assert.Contains("totalLoss", completion["matches"]!.AsArray().Select(m => (string)m!));
        Assert.Equal((8, 11), ((int)completion["cursor_start"]!, (int)completion["cursor_end"]!));
        Assert.True((bool)results[5]!["reply"]!["found"]!);
        Assert.Equal("(variable) double totalLoss", (string)results[5]!["reply"]!["data"]!["text/plain"]!);
        Assert.Empty(results[6]!["reply"]!["comms"]!.AsObject());
        var history = results[7]!["reply"]!["history"]!.AsArray();
        var entry = Assert.Single(history)!;
        Assert.Equal((1, 1, "var totalLoss = 0.5;"), ((int)entry[0]!, (int)entry[1]!, (string)entry[2]!));
    }

    [Fact]
    public void History_answers_tail_range_and_glob_search_with_unique_and_n_from_the_executed_cells()
    {
        using var kernel = KernelProcess.Start();
        static JsonObject History(string type, JsonObject extra)
        {
            var content = new JsonObject { ["output"] = false, ["raw"] = true, ["hist_access_type"] = type };
            foreach (var (k, v) in extra) content[k] = v?.DeepClone();
            return Step.Request("history_request", content);
        }

        var results = kernel.Drive(
            Step.Execute("var loss = 0.25;"), Step.Execute("loss * 2"), Step.Execute("var quiet = 1;", silent: true),
            Step.Execute("loss * 2"), Step.Execute("var lambda = 0.01;"), Step.Execute("loss + lambda"),
            History("tail", new() { ["n"] = 2 }),
            History("range", new() { ["session"] = 0, ["start"] = 2, ["stop"] = 4 }),
            History("search", new() { ["pattern"] = "loss*" }),
            History("search", new() { ["pattern"] = "loss*", ["unique"] = true }),
            History("search", new() { ["pattern"] = "loss*", ["n"] = 1 }),
            Step.Request("history_request", new() { ["output"] = true, ["raw"] = true, ["hist_access_type"] = "tail", ["n"] = 1 }),
            History("range", new() { ["session"] = 7, ["start"] = 1 }));

        static string[] Inputs(JsonNode result) => result["reply"]!["history"]!.AsArray().Select(h => (string)h![2]!).ToArray();
        // The silent cell is neither counted nor kept: five cells, numbered 1 to 5.
        Assert.Equal(["var lambda = 0.01;", "loss + lambda"], Inputs(results[6]!));
        Assert.Equal([2, 3], results[7]!["reply"]!["history"]!.AsArray().Select(h => (int)h![1]!));
        Assert.Equal(["loss * 2", "loss * 2"], Inputs(results[7]!));
        Assert.Equal(["loss * 2", "loss * 2", "loss + lambda"], Inputs(results[8]!));
        Assert.Equal(["loss * 2", "loss + lambda"], Inputs(results[9]!));
        Assert.Equal([3, 5], results[9]!["reply"]!["history"]!.AsArray().Select(h => (int)h![1]!));
        Assert.Equal(["loss + lambda"], Inputs(results[10]!));
        var withOutput = Assert.Single(results[11]!["reply"]!["history"]!.AsArray())!;
        Assert.Equal((1, 5), ((int)withOutput[0]!, (int)withOutput[1]!));
        Assert.Equal(["loss + lambda", "0.26"], withOutput[2]!.AsArray().Select(v => (string)v!));
        Assert.Empty(results[12]!["reply"]!["history"]!.AsArray());
    }

    [Fact]
    public void A_name_followed_by_a_question_mark_pages_its_documentation_instead_of_running()
    {
        using var kernel = KernelProcess.Start();

        var results = kernel.Drive(Step.Execute("Math.Abs?"), Step.Execute("NoSuchThing?"));

        var payload = Assert.Single(results[0]!["reply"]!["payload"]!.AsArray())!;
        Assert.Equal("page", (string)payload["source"]!);
        Assert.Contains("Math.Abs(", (string)payload["data"]!["text/plain"]!);
        Assert.Empty(results[1]!["reply"]!["payload"]!.AsArray());
        Assert.Contains("Object `NoSuchThing` not found.", string.Concat(results[1]!["iopub"]!.AsArray()
            .Where(m => (string)m!["type"]! == "stream").Select(m => (string)m!["content"]!["text"]!)));
    }

    [Fact]
    public void A_display_updated_100_times_is_one_display_data_then_100_update_display_data_with_its_id()
    {
        using var kernel = KernelProcess.Start();

        var result = kernel.Drive(Step.Execute("var line = display(\"epoch 0\");\nfor (var epoch = 1; epoch <= 100; epoch++) line.Update($\"epoch {epoch}\");"))[0]!;

        Assert.Equal("ok", result.Status());
        var iopub = result["iopub"]!.AsArray().Select(m => m!).ToList();
        var shown = Assert.Single(iopub, m => (string)m["type"]! == "display_data");
        var id = (string)shown["content"]!["transient"]!["display_id"]!;
        Assert.False(string.IsNullOrEmpty(id));
        var updates = iopub.Where(m => (string)m["type"]! == "update_display_data").ToList();
        Assert.Equal(100, updates.Count);
        Assert.All(updates, u => Assert.Equal(id, (string)u["content"]!["transient"]!["display_id"]!));
        Assert.Equal(Enumerable.Range(1, 100).Select(e => $"epoch {e}"), updates.Select(u => (string)u["content"]!["data"]!["text/plain"]!));
        Assert.DoesNotContain(iopub, m => (string)m["type"]! == "execute_result");
    }

    [Fact]
    public void A_cell_failing_midway_keeps_the_updates_it_sent_and_clear_output_is_published()
    {
        using var kernel = KernelProcess.Start();

        var results = kernel.Drive(
            Step.Execute("var line = display(0);\nfor (var i = 1; i <= 10; i++) { line.Update(i); if (i == 5) throw new InvalidOperationException(\"midway\"); }"),
            Step.Execute("Console.WriteLine(\"old\");\nclear_output(wait: true);\nConsole.WriteLine(\"new\");"),
            Step.Execute("line.Update(\"from a later cell\");"));

        Assert.Equal("error", results[0]!.Status());
        Assert.Equal(["status:busy", "execute_input", "display_data", "update_display_data", "update_display_data", "update_display_data",
            "update_display_data", "update_display_data", "error", "status:idle"], results[0]!.IOPubTypes());
        Assert.Equal(["status:busy", "execute_input", "stream", "clear_output", "stream", "status:idle"], results[1]!.IOPubTypes());
        Assert.True((bool)results[1]!["iopub"]![3]!["content"]!["wait"]!);
        var later = Assert.Single(results[2]!["iopub"]!.AsArray(), m => (string)m!["type"]! == "update_display_data")!;
        Assert.Equal("from a later cell", (string)later["content"]!["data"]!["text/plain"]!);
    }
}
