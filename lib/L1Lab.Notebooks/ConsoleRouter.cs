using System.Text;

namespace L1Lab.Notebooks;

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
