using System.Text;

namespace L1Lab.Notebooks;

/// <summary>
/// Collects one cell's outputs in the order they appear, from any thread the cell uses, and hands streams and
/// displays to <paramref name="live"/> as they happen (a kernel publishes them while the cell still runs).
/// With <paramref name="maxCharacters"/>, output beyond that many characters is dropped, with one note saying so.
/// Display updates replace the display they name in place and clearing drops what was collected, so the snapshot is
/// the cell's final state while <paramref name="live"/> still sees every update and clear.
/// </summary>
internal sealed class CellOutputCollector(Action<CellOutput>? live = null, int? maxCharacters = null)
{
    readonly object _gate = new();
    readonly List<CellOutput> _outputs = [];
    readonly Dictionary<int, StringBuilder> _open = [];
    long _characters;
    bool _truncated;

    /// <summary>False (and a note is written once) when this output would exceed the limit.</summary>
    bool Admit(long characters)
    {
        if (maxCharacters is not { } max) return true;
        if (_truncated) return false;
        _characters += characters;
        if (_characters <= max) return true;
        _truncated = true;
        _outputs.Add(new StreamOutput("stderr", ""));
        _open[_outputs.Count - 1] = new StringBuilder($"\n[output truncated: the cell wrote more than {max} characters]\n");
        return false;
    }

    public void Write(string stream, string text)
    {
        if (text.Length == 0) return;
        lock (_gate)
        {
            if (!Admit(text.Length)) return;
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
            var bundle = output switch { DisplayDataOutput d => d.Bundle, ExecuteResultOutput r => r.Bundle, _ => null };
            if (bundle is not null && !Admit(bundle.Data.Values.Sum(v => (long)v.Length))) return;
            _outputs.Add(output);
            if (output is DisplayDataOutput) live?.Invoke(output);
        }
    }

    /// <summary>
    /// Replaces this cell's displays with <paramref name="displayId"/> by <paramref name="bundle"/> (none when the display
    /// belongs to an earlier cell) and passes the update on live. Updates replace, so they do not count toward the limit.
    /// </summary>
    public void Update(string displayId, MimeBundle bundle)
    {
        lock (_gate)
        {
            for (var i = 0; i < _outputs.Count; i++)
                if (_outputs[i] is DisplayDataOutput d && d.DisplayId == displayId)
                    _outputs[i] = d with { Bundle = bundle };
            live?.Invoke(new DisplayUpdate(bundle, displayId));
        }
    }

    /// <summary>Drops everything collected so far and passes the clear on live (see <see cref="ClearOutput"/>).</summary>
    public void Clear(bool wait)
    {
        lock (_gate)
        {
            _outputs.Clear();
            _open.Clear();
            // The limit guards what is kept: a cell that clears and redraws each epoch starts counting again.
            _characters = 0;
            _truncated = false;
            live?.Invoke(new ClearOutput(wait));
        }
    }

    public IReadOnlyList<CellOutput> Snapshot()
    {
        lock (_gate)
            return _outputs.Select((o, i) => o is StreamOutput s && _open.TryGetValue(i, out var sb) ? s with { Text = sb.ToString() } : o).ToList();
    }
}
