using System.Text;

namespace L1Lab.Notebooks.Tests;

public sealed class NotebookFuzzTests
{
    const string Valid = """
        {
          "cells": [
            {"cell_type": "markdown", "id": "a", "metadata": {}, "source": ["# Title\n"]},
            {"cell_type": "code", "id": "b", "metadata": {"tags": ["parameters"]}, "execution_count": null, "outputs": [], "source": ["var epochs = 10;\n"]},
            {"cell_type": "code", "id": "c", "metadata": {}, "execution_count": null, "outputs": [], "source": "Console.WriteLine(epochs);"}
          ],
          "metadata": {"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"}},
          "nbformat": 4,
          "nbformat_minor": 5
        }
        """;

    [Fact]
    public void The_unmutated_notebook_parses()
    {
        var notebook = Notebook.Parse("valid.ipynb", Valid);

        Assert.Equal(3, notebook.Cells.Count);
    }

    [Fact]
    public void Random_and_mutated_notebooks_only_ever_give_a_notebook_error_naming_the_file()
    {
        var random = new Random(20261123);
        var rejected = new int[3];
        var pieces = new[] { "{", "}", "[", "]", ",", ":", "\"cells\"", "\"source\"", "\"cell_type\"", "\"code\"", "null", "4", "\"nbformat\"", "-1", "1e999", "\"\\u0000\"", "true" };
        for (int i = 0; i < 3000; i++)
        {
            string json = (i % 3) switch
            {
                0 => Mutate(Valid, random),
                1 => string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => pieces[random.Next(pieces.Length)])),
                _ => Encoding.UTF8.GetString(Enumerable.Range(0, random.Next(0, 120)).Select(_ => (byte)random.Next(256)).ToArray()),
            };

            var error = Record.Exception(() => Notebook.Parse("fuzz.ipynb", json));

            if (error is not null)
            {
                rejected[i % 3]++;
                Assert.True(error is NotebookException, $"input {i} gave {error.GetType().Name}: {error.Message}\n{json}");
                Assert.StartsWith("fuzz.ipynb", error.Message);
            }
        }

        // A parser that accepted anything would pass the loop above: random bytes and token soup are never notebooks,
        // and a few character edits break most of the valid one.
        Assert.Equal([1000, 1000], rejected[1..]);
        Assert.True(rejected[0] > 500, $"only {rejected[0]} of 1000 mutated notebooks were rejected");
    }

    static string Mutate(string text, Random random)
    {
        var chars = text.ToCharArray().ToList();
        for (int k = random.Next(1, 6); k > 0 && chars.Count > 0; k--)
        {
            int at = random.Next(chars.Count);
            switch (random.Next(3))
            {
                case 0: chars.RemoveAt(at); break;
                case 1: chars.Insert(at, "{}[]\",:0an"[random.Next(10)]); break;
                default: chars[at] = (char)random.Next(32, 127); break;
            }
        }
        return new string(chars.ToArray());
    }
}
