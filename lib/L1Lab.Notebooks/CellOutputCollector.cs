using System.Text;

namespace L1Lab.Notebooks;

/// <summary>
/// Collects one cell's outputs in the order they appear, from any thread the cell uses, and hands streams and
/// displays to <paramref name="live"/> as they happen (a kernel publishes them while the cell still runs).
/// </summary>
internal sealed class CellOutputCollector(Action<CellOutput>? live = null)
{
    readonly object _gate = new();
    readonly List<CellOutput> _outputs = [];
    readonly Dictionary<int, StringBuilder> _open = [];

    public void Write(string stream, string text)
    {
        if (text.Length == 0) return;
        lock (_gate)
        {
            // Consecutive writes to the same stream form one stream output, as in Jupyter.
            if (_outputs.Count > 0 && _outputs[^1] is StreamOutput last && last.Name == stream && _open.TryGetValue(_outputs.Count - 1, out var sb))
                sb.Append(text);
            else
            {
                _outputs.Add(new StreamOutput(stream, ""));
                _open[_outputs.Count - 1] = new StringBuilder(text);
            }
            live?.Invoke(new StreamOutput(stream, text));
        }
    }

    public void Add(CellOutput output)
    {
        lock (_gate)
        {
            _outputs.Add(output);
            if (output is DisplayDataOutput) live?.Invoke(output);
        }
    }

    public IReadOnlyList<CellOutput> Snapshot()
    {
        lock (_gate)
            return _outputs.Select((o, i) => o is StreamOutput s && _open.TryGetValue(i, out var sb) ? s with { Text = sb.ToString() } : o).ToList();
    }
}
