using System.Text.Json;

namespace L1Lab.Tests.Diagnostics;

/// <summary>
/// Asks Debian's Python (always <c>/usr/bin/python3</c>: the first python3 on PATH may be another interpreter) for
/// reference values: the script reads the JSON input as <c>data</c> and prints one JSON value. Tests skip, naming the
/// apt package, where the interpreter or a module is missing (.ci/run installs them).
/// </summary>
static class PythonOracle
{
    const string Python = TestPaths.Python;

    static readonly Dictionary<string, string> Packages = new()
    {
        ["numpy"] = "python3-numpy",
        ["sklearn"] = "python3-sklearn",
        ["statsmodels"] = "python3-statsmodels",
        ["scipy"] = "python3-scipy",
    };

    /// <summary>Skips the test unless every module imports; the reason names the apt package to install.</summary>
    public static void SkipUnlessAvailable(params string[] modules)
    {
        Skip.IfNot(File.Exists(Python), $"{Python} is not installed; the oracle values come from Debian's Python.");
        foreach (var module in modules)
        {
            var result = ChildProcess.Run(Python, ["-c", $"import {module}"], timeout: TimeSpan.FromMinutes(2));
            Skip.If(result.ExitCode != 0, $"Python module {module} is missing: apt-get install {Packages.GetValueOrDefault(module, module)}.");
        }
    }

    /// <summary>Runs <paramref name="script"/> with <c>data</c> = <paramref name="input"/> and returns what it prints as JSON.</summary>
    public static JsonElement Run(string script, object input)
    {
        var program = "import json, sys\ndata = json.loads(sys.stdin.read())\n" + script;
        var result = ChildProcess.Run(Python, ["-c", program], stdin: JsonSerializer.Serialize(input), timeout: TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, $"the Python oracle failed: {result}");
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    /// <summary>The JSON array as doubles.</summary>
    public static double[] Doubles(this JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    /// <summary>Seeded random scores in 0–1, rounded to <paramref name="digits"/> so that ties occur, and labels with both classes.</summary>
    public static (double[] Scores, bool[] Labels) RandomCase(Random random, int n, int digits = 2, double positiveShare = 0.3)
    {
        var labels = Enumerable.Range(0, n).Select(_ => random.NextDouble() < positiveShare).ToArray();
        labels[0] = true; labels[1] = false; labels[2] = true; labels[3] = false;
        // Positives score higher on average, so the AUC is informative, not 0.5.
        var scores = labels.Select(p => Math.Round(Math.Clamp(random.NextDouble() * 0.8 + (p ? 0.2 : 0), 0, 1), digits)).ToArray();
        return (scores, labels);
    }
}
