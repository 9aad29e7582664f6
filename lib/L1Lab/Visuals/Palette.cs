using System.Globalization;

namespace L1Lab.Visuals;

/// <summary>Series colours (plotly's default sequence, so static and interactive charts agree) and colour maps.</summary>
internal static class Palette
{
    static readonly string[] Sequence =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>The colour of series <paramref name="index"/>: its own, or the next in the sequence.</summary>
    public static string Of(Series series, int index) => series.Color ?? Color(index);

    /// <summary>Colour <paramref name="index"/> of the sequence.</summary>
    public static string Color(int index) => Sequence[index % Sequence.Length];

    /// <summary>The stops of a colour map, position 0 … 1 to RGB.</summary>
    public static (double At, byte R, byte G, byte B)[] Stops(ColorScale scale) => scale switch
    {
        ColorScale.Ink => [(0, 255, 255, 255), (1, 0, 0, 0)],
        ColorScale.Gray => [(0, 0, 0, 0), (1, 255, 255, 255)],
        ColorScale.Viridis => [(0, 0x44, 0x01, 0x54), (0.25, 0x3b, 0x52, 0x8b), (0.5, 0x21, 0x91, 0x8c), (0.75, 0x5e, 0xc9, 0x62), (1, 0xfd, 0xe7, 0x25)],
        ColorScale.Diverging => [(0, 0, 0, 255), (0.5, 255, 255, 255), (1, 255, 0, 0)],
        _ => throw new ArgumentOutOfRangeException(nameof(scale)),
    };

    /// <summary>The colour at <paramref name="t"/> (clamped to 0 … 1), interpolated linearly between stops.</summary>
    public static (byte R, byte G, byte B) At(ColorScale scale, double t)
    {
        var stops = Stops(scale);
        t = double.IsFinite(t) ? Math.Clamp(t, 0, 1) : 0;
        for (int i = 1; i < stops.Length; i++)
        {
            if (t > stops[i].At && i < stops.Length - 1) continue;
            var (a, b) = (stops[i - 1], stops[i]);
            double f = b.At > a.At ? (t - a.At) / (b.At - a.At) : 0;
            return (Mix(a.R, b.R, f), Mix(a.G, b.G, f), Mix(a.B, b.B, f));
        }
        return (stops[^1].R, stops[^1].G, stops[^1].B);
    }

    public static string Hex((byte R, byte G, byte B) c) => $"#{c.R:x2}{c.G:x2}{c.B:x2}";

    public static string Hex(byte r, byte g, byte b) => Hex((r, g, b));

    static byte Mix(byte a, byte b, double f) => (byte)Math.Round(a + (b - a) * f, MidpointRounding.AwayFromZero);

    public static string Number(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
