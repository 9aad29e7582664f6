using System.Text;

namespace L1Lab.Notebooks;

/// <summary>
/// Collects one cell's outputs in the order they appear, from any thread the cell uses, and hands streams and
/// displays to <paramref name="live"/> as they happen (a kernel publishes them while the cell still runs).
/// With <paramref name="maxCharacters"/>, output beyond that many characters is dropped, with one note saying so.
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

    public IReadOnlyList<CellOutput> Snapshot()
    {
        lock (_gate)
            return _outputs.Select((o, i) => o is StreamOutput s && _open.TryGetValue(i, out var sb) ? s with { Text = sb.ToString() } : o).ToList();
    }
}

/// <summary>
/// What the running cell can reach through the execution context (and so from tasks it starts):
/// its output collector and its cancellation token. Console output and <c>display</c> calls made outside
/// any cell go to the real console.
/// </summary>
internal static class CellContext
{
    static readonly AsyncLocal<CellOutputCollector?> CurrentOutputs = new();

    public static CellOutputCollector? Outputs => CurrentOutputs.Value;

    public static CancellationToken Token => AmbientCancellation.Token;

    /// <summary>Makes <paramref name="outputs"/> and <paramref name="token"/> current for this async flow (call inside an async method so it is undone on return).</summary>
    public static void Enter(CellOutputCollector outputs, CancellationToken token)
    {
        ConsoleRouter.Install();
        CurrentOutputs.Value = outputs;
        AmbientCancellation.Enter(token); // the L1Lab library's long calls (training) see it too
    }
}

/// <summary>
/// Replaces Console.Out and Console.Error once with writers that send text to the current cell's outputs
/// (per async flow), or to the original console when no cell is running. Reinstalls itself if someone else
/// replaced the console writers since.
/// </summary>
internal static class ConsoleRouter
{
    static readonly object Gate = new();
    static TextWriter? _installedOut;
    static TextWriter? _installedError;

    public static void Install()
    {
        lock (Gate)
        {
            if (!ReferenceEquals(Console.Out, _installedOut))
            {
                Console.SetOut(new RoutingWriter("stdout", Console.Out));
                _installedOut = Console.Out;
            }
            if (!ReferenceEquals(Console.Error, _installedError))
            {
                Console.SetError(new RoutingWriter("stderr", Console.Error));
                _installedError = Console.Error;
            }
        }
    }

    sealed class RoutingWriter(string stream, TextWriter original) : TextWriter
    {
        public override Encoding Encoding => original.Encoding;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Write(string? value)
        {
            if (value is null) return;
            if (CellContext.Outputs is { } outputs) outputs.Write(stream, value);
            else original.Write(value);
        }

        public override void WriteLine(string? value) => Write((value ?? "") + NewLine);

        public override void WriteLine() => Write(NewLine);

        public override void Flush()
        {
            if (CellContext.Outputs is null) original.Flush();
        }
    }
}

/// <summary>
/// Cooperative cancellation for notebook code. The engine inserts a call to <see cref="ThrowIfRequested"/> at
/// the top of every loop body of a cell, so an interrupted run stops a long loop at its next iteration;
/// cells may also pass <see cref="Token"/> to awaited calls (<c>await Task.Delay(1000, CellCancellation.Token)</c>).
/// </summary>
public static class CellCancellation
{
    /// <summary>The running cell's cancellation token (none outside a cell).</summary>
    public static CancellationToken Token => CellContext.Token;

    /// <summary>Throws <see cref="OperationCanceledException"/> when the running cell has been cancelled.</summary>
    public static void ThrowIfRequested() => CellContext.Token.ThrowIfCancellationRequested();
}
