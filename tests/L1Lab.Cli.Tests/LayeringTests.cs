using System.Text.Json;

namespace L1Lab.Cli.Tests;

/// <summary>
/// Writing a kernelspec or a notebook must not load the L1Lab library or TorchSharp: loading L1Lab.dll runs the
/// native libstdc++ fix, which reads and may rewrite TorchSharp's native library. The app runs in a child process
/// with a startup hook (<see cref="StartupHook"/>) that records every assembly it loads.
/// </summary>
public sealed class LayeringTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("l1lab-layering-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Runs the app with the startup hook; returns its result and the assemblies it loaded.</summary>
    (App.Result Result, IReadOnlySet<string> Loaded) RunRecording(params string[] args)
    {
        var file = Path.Combine(_folder, $"loaded-{Guid.NewGuid():N}.txt");
        var result = App.Run(new Dictionary<string, string>
        {
            ["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location,
            [StartupHook.FileVariable] = file,
        }, args);
        var loaded = File.Exists(file) ? File.ReadAllLines(file).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal) : [];
        return (result, loaded);
    }

    string Notebook(string name, params string[] cells)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            cells = cells.Select((source, i) => new { cell_type = "code", id = $"c{i}", metadata = new { }, execution_count = (int?)null, outputs = Array.Empty<object>(), source }),
            metadata = new { },
            nbformat = 4,
            nbformat_minor = 5,
        }));
        return path;
    }

    [Fact]
    public void Kernel_install_loads_neither_the_L1Lab_library_nor_TorchSharp()
    {
        var (result, loaded) = RunRecording("kernel", "install", "--prefix", Path.Combine(_folder, "prefix"));

        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        Assert.True(File.Exists(Path.Combine(_folder, "prefix", "share", "jupyter", "kernels", "l1lab-csharp", "kernel.json")));
        Assert.Contains("L1Lab.Kernel", loaded); // the hook saw the assemblies that did the work
        Assert.Contains("L1Lab.Core", loaded);
        Assert.DoesNotContain("L1Lab", loaded);
        Assert.DoesNotContain("TorchSharp", loaded);
    }

    [Fact]
    public void Running_and_saving_a_notebook_that_uses_no_library_loads_neither_the_L1Lab_library_nor_TorchSharp()
    {
        // The last cells return values, so the formatter runs (and asks the loaded assemblies for formatters).
        var path = Notebook("plain.ipynb", "var x = 20;", "Console.WriteLine(x + 22);", "new[] { x, 2 * x }", "x + 1");

        var (result, loaded) = RunRecording("notebooks", "run", path, "--save-to", Path.Combine(_folder, "executed"));

        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        Assert.Contains("42", result.Out);
        Assert.Contains("[20, 40]", result.Out);
        Assert.Contains("21", File.ReadAllText(Path.Combine(_folder, "executed", "plain.ipynb")));
        Assert.Contains("L1Lab.Notebooks", loaded);
        Assert.Contains("L1Lab.Core", loaded);
        Assert.DoesNotContain("L1Lab", loaded);
        Assert.DoesNotContain("TorchSharp", loaded);
    }

    [Fact]
    public void A_notebook_that_references_the_library_does_load_it_so_the_recording_can_see_it()
    {
        var library = Path.Combine(AppContext.BaseDirectory, "L1Lab.dll");
        var path = Notebook("library.ipynb", $"#r \"{library}\"", "Console.WriteLine(typeof(L1Lab.Sparsity).Name);");

        var (result, loaded) = RunRecording("notebooks", "run", path);

        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        Assert.Contains("L1Lab", loaded);
    }
}
