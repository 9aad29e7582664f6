using System.Text.Json.Nodes;

namespace L1Lab.Kernel.Tests;

/// <summary>Completion, hover and is_complete as a front end asks for them: through jupyter_client against the built kernel.</summary>
public sealed class EditorTests
{
    static JsonObject Complete(string code, int? cursor = null) =>
        Step.Request("complete_request", new() { ["code"] = code, ["cursor_pos"] = cursor ?? CodePointCount(code) });

    static JsonObject Inspect(string code, int cursor, int detail = 0) =>
        Step.Request("inspect_request", new() { ["code"] = code, ["cursor_pos"] = cursor, ["detail_level"] = detail });

    static int CodePointCount(string s) => s.EnumerateRunes().Count();

    static string[] Matches(JsonNode result) => result["reply"]!["matches"]!.AsArray().Select(m => (string)m!).ToArray();

    static (int Start, int End) Range(JsonNode result) => ((int)result["reply"]!["cursor_start"]!, (int)result["reply"]!["cursor_end"]!);

    static string KindOf(JsonNode result, string text) =>
        (string)result["reply"]!["metadata"]!["_jupyter_types_experimental"]!.AsArray().First(t => (string)t!["text"]! == text)!["type"]!;

    static string Plain(JsonNode result) => (string)result["reply"]!["data"]!["text/plain"]!;

    [Fact]
    public void Completion_offers_BCL_members_LINQ_types_namespaces_and_earlier_cells_names_with_the_range_they_replace()
    {
        using var kernel = KernelProcess.Start();

        var results = kernel.Drive(
            Step.Execute("var xs = new List<int> { 3, 1, 2 };\nrecord Point(double X, double Y) { public double Norm => Math.Sqrt(X * X + Y * Y); }\nvar p = new Point(3, 4);"),
            Complete("xs."),
            Complete("System.Math.Ab"),
            Complete("p.No"),
            Complete("var total = x"),
            Complete("System.Collections.Gen"),
            Complete("var s = \"😀\"; xs.Cou"),
            Complete("var q = new Poi"),
            Complete("xs.Sum() + 1", 2));

        var members = results[1]!;
        Assert.Contains("Add", Matches(members));
        Assert.Contains("Count", Matches(members));
        Assert.Contains("Where", Matches(members)); // LINQ extension methods on List<int>
        Assert.Contains("Select", Matches(members));
        Assert.Equal((3, 3), Range(members));
        Assert.Equal("function", KindOf(members, "Where"));
        Assert.Equal("property", KindOf(members, "Count"));

        Assert.Equal(["Abs"], Matches(results[2]!));
        Assert.Equal((12, 14), Range(results[2]!));

        Assert.Equal(["Norm"], Matches(results[3]!));
        Assert.Equal((2, 4), Range(results[3]!));

        var names = results[4]!;
        Assert.Equal("xs", Matches(names)[0]); // an earlier cell's variable, exact case first
        Assert.Equal("variable", KindOf(names, "xs"));
        Assert.Equal((12, 13), Range(names));

        Assert.Equal(["Generic"], Matches(results[5]!));
        Assert.Equal("module", KindOf(results[5]!, "Generic"));

        // Jupyter counts code points: the emoji is one, though it is two UTF-16 units.
        var emoji = results[6]!;
        Assert.Contains("Count", Matches(emoji));
        Assert.Equal((16, 19), Range(emoji));

        Assert.Contains("Point", Matches(results[7]!));
        Assert.Equal("class", KindOf(results[7]!, "Point"));

        // In the middle of a word the whole word is replaced.
        Assert.Contains("xs", Matches(results[8]!));
        Assert.Equal((0, 2), Range(results[8]!));
    }

    [Fact]
    public void Completion_and_hover_know_the_L1Lab_library_and_its_XML_docs_and_the_BCL_docs()
    {
        using var kernel = KernelProcess.Start();

        var results = kernel.Drive(
            Step.Execute($"#r \"nuget: TorchSharp-cpu, 0.107.0\"\n#r \"{TestPaths.LibraryDll}\""),
            Complete("L1Lab.L1."),
            Inspect("L1Lab.L1.SoftThreshold", 20),
            Inspect("L1Lab.L1.SoftThreshold", 20, detail: 1),
            Inspect("System.Math.Abs(2.5", 19, detail: 1),
            Step.Execute("var weights = new List<double> { 0.5, -2 };"),
            Inspect("weights", 7),
            Inspect("    ", 2));

        var library = Matches(results[1]!);
        Assert.Contains("SoftThreshold", library);
        Assert.Contains("Penalty", library);
        Assert.Contains("Subgradient", library);

        var hover = results[2]!;
        Assert.True((bool)hover["reply"]!["found"]!);
        var text = Plain(hover);
        Assert.StartsWith("Tensor L1.SoftThreshold(Tensor w, double t)\n", text);
        Assert.Contains("threshold", text.Split('\n')[1], StringComparison.OrdinalIgnoreCase); // the summary from L1Lab.xml
        Assert.DoesNotContain("Parameters:", text);
        Assert.Contains("```csharp", (string)hover["reply"]!["data"]!["text/markdown"]!);

        Assert.Contains("Parameters:\n  w (Tensor)", Plain(results[3]!));
        Assert.Contains("\n  t (double)", Plain(results[3]!));

        // Inside an argument list: the method being called, with the BCL's own docs.
        var bcl = Plain(results[4]!);
        Assert.StartsWith("double Math.Abs(double value)", bcl);
        Assert.Contains("absolute value", bcl);
        Assert.Contains("Parameters:\n  value (double): A number", bcl);
        Assert.Contains("Returns:", bcl);

        Assert.Equal("(variable) List<double> weights", Plain(results[6]!));
        Assert.False((bool)results[7]!["reply"]!["found"]!);
    }

    [Theory]
    [InlineData("lib/L1Lab/bin/notebooks")] // where every notebook's #r line loads the library from
    [InlineData("lib/L1Lab.Cli/bin/{0}/net10.0")] // the kernel's own copy, which a cell's #r of the library binds to
    public void L1Lab_xml_lies_beside_each_L1Lab_dll_that_notebooks_and_the_kernel_load(string folder)
    {
        var directory = Path.Combine(TestPaths.RepoRoot, string.Format(System.Globalization.CultureInfo.InvariantCulture, folder, TestPaths.Configuration));

        Assert.True(File.Exists(Path.Combine(directory, "L1Lab.dll")), $"no L1Lab.dll in {directory}");
        Assert.True(File.Exists(Path.Combine(directory, "L1Lab.xml")), $"no L1Lab.xml beside {directory}/L1Lab.dll: hover would show signatures without docs");
    }

    [Fact]
    public void Is_complete_answers_for_blocks_strings_lambdas_and_directives_and_broken_requests_leave_the_kernel_alive()
    {
        using var kernel = KernelProcess.Start();

        var results = kernel.Drive(
            Step.Request("is_complete_request", new() { ["code"] = "if (true)\n{" }),
            Step.Request("is_complete_request", new() { ["code"] = "var f = (int x) =>" }),
            Step.Request("is_complete_request", new() { ["code"] = "var s = @\"open" }),
            Step.Request("is_complete_request", new() { ["code"] = "#r \"nuget: Tiny.Pkg, 1.0.0" }),
            Step.Request("is_complete_request", new() { ["code"] = "#r \"nuget: Tiny.Pkg, 1.0.0\"" }),
            Complete("var = ; xs.", 999),
            Step.Request("complete_request", new() { ["code"] = "Sys" }),
            Inspect("Console.WriteLine", -5),
            Step.Execute("1 + 1"));

        Assert.Equal("incomplete", (string)results[0]!["reply"]!["status"]!);
        Assert.Equal("    ", (string)results[0]!["reply"]!["indent"]!);
        Assert.Equal("incomplete", (string)results[1]!["reply"]!["status"]!);
        Assert.Equal("incomplete", (string)results[2]!["reply"]!["status"]!);
        Assert.Equal("invalid", (string)results[3]!["reply"]!["status"]!);
        Assert.Equal("complete", (string)results[4]!["reply"]!["status"]!);
        Assert.Equal("ok", results[5]!.Status()); // a cursor past the end is clamped
        Assert.Contains("System", Matches(results[6]!)); // no cursor_pos: the end of the code
        Assert.Equal("ok", results[7]!.Status());
        Assert.Equal("2", results[8]!.ResultText());
    }
}
