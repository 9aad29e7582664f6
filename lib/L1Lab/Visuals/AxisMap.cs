using System.Globalization;

namespace L1Lab.Visuals;

/// <summary>Maps data values of one numeric axis to pixels, and chooses its ticks (1-2-5 steps, or powers of ten on a log axis).</summary>
internal sealed class AxisMap
{
    readonly double _lo, _hi, _from, _to;
    readonly bool _wholeNumbers;

    AxisMap(AxisScale scale, double lo, double hi, double from, double to, bool wholeNumbers)
    {
        Scale = scale;
        _wholeNumbers = wholeNumbers;
        (_lo, _hi, _from, _to) = (lo, hi, from, to);
    }

    public AxisScale Scale { get; }

    /// <summary>
    /// An axis spanning <paramref name="values"/> (or the axis' own Min/Max) from pixel <paramref name="from"/> to <paramref name="to"/>.
    /// <paramref name="pad"/> widens the data range by 4 % on each side; <paramref name="zeroBased"/> keeps 0 as the lower end (bars).
    /// </summary>
    public static AxisMap For(Axis axis, IEnumerable<double> values, double from, double to, bool pad, bool zeroBased, bool wholeNumbers = false)
    {
        bool log = axis.Scale == AxisScale.Log;
        var usable = values.Where(v => double.IsFinite(v) && (!log || v > 0)).Select(v => log ? Math.Log10(v) : v).ToList();
        if (zeroBased && !log) usable.Add(0);
        double lo = usable.Count > 0 ? usable.Min() : 0, hi = usable.Count > 0 ? usable.Max() : 1;
        if (hi - lo < 1e-12)
        {
            double d = Math.Abs(lo) > 1e-12 ? Math.Abs(lo) * 0.1 : 1;
            lo -= d;
            hi += d;
        }
        else if (pad)
        {
            double d = (hi - lo) * 0.04;
            if (!(zeroBased && !log && lo == 0)) lo -= d;
            hi += d;
        }
        if (axis.Min is { } min && (!log || min > 0)) lo = log ? Math.Log10(min) : min;
        if (axis.Max is { } max && (!log || max > 0)) hi = log ? Math.Log10(max) : max;
        if (hi <= lo) hi = lo + 1;
        return new AxisMap(axis.Scale, lo, hi, from, to, wholeNumbers);
    }

    /// <summary>The pixel of <paramref name="value"/>, or NaN when it cannot be drawn (non-finite, or ≤ 0 on a log axis).</summary>
    public double Map(double value)
    {
        if (!double.IsFinite(value) || (Scale == AxisScale.Log && value <= 0)) return double.NaN;
        double u = Scale == AxisScale.Log ? Math.Log10(value) : value;
        return _from + (u - _lo) / (_hi - _lo) * (_to - _from);
    }

    /// <summary>The lower end of the axis, as a data value.</summary>
    public double Low => Scale == AxisScale.Log ? Math.Pow(10, _lo) : _lo;

    /// <summary>Tick values with their labels, inside the axis range.</summary>
    public IReadOnlyList<(double Value, string Label)> Ticks()
    {
        var ticks = new List<(double, string)>();
        if (Scale == AxisScale.Log)
        {
            for (int k = (int)Math.Ceiling(_lo - 1e-9); k <= Math.Floor(_hi + 1e-9); k++)
                ticks.Add((Math.Pow(10, k), PowerLabel(k)));
            if (ticks.Count >= 2) return ticks;
            ticks.Clear();
            for (int k = (int)Math.Floor(_lo) - 1; k <= Math.Ceiling(_hi); k++)
                foreach (var m in new[] { 1, 2, 5 })
                {
                    double v = m * Math.Pow(10, k), u = Math.Log10(v);
                    if (u >= _lo - 1e-9 && u <= _hi + 1e-9) ticks.Add((v, v.ToString("G3", CultureInfo.InvariantCulture)));
                }
            return ticks;
        }
        double raw = (_hi - _lo) / 6, magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw))), norm = raw / magnitude;
        double step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * magnitude;
        if (_wholeNumbers) step = Math.Max(step, 1);
        int decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9));
        bool compact = step < 1e-4 || Math.Max(Math.Abs(_lo), Math.Abs(_hi)) >= 1e6;
        for (double v = Math.Ceiling(_lo / step - 1e-9) * step; v <= _hi + step * 1e-9; v += step)
        {
            double t = Math.Abs(v) < step * 1e-9 ? 0 : Math.Round(v, Math.Min(15, decimals + 1));
            ticks.Add((t, compact ? t.ToString("G3", CultureInfo.InvariantCulture) : t.ToString("F" + decimals, CultureInfo.InvariantCulture)));
        }
        return ticks;
    }

    static string PowerLabel(int k) => k is >= -4 and <= 5
        ? Math.Pow(10, k).ToString("0.####", CultureInfo.InvariantCulture)
        : "1e" + k.ToString(CultureInfo.InvariantCulture);
}
