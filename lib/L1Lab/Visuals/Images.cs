using static TorchSharp.torch;

namespace L1Lab.Visuals;

/// <summary>
/// Tensors as PNG pictures for notebooks: one grayscale image (<see cref="ToPng"/>), or a grid of small images such as
/// a first layer's 256 weight vectors reshaped to 28×28 (<see cref="Grid"/>, notebook 04-mnist-experiment), where the
/// diverging colour map makes the weights that L1 set to exactly zero visible as pure white.
/// </summary>
public static class Images
{
    const int MaxScale = 64;
    const long MaxPixels = 1L << 26;
    static readonly byte[] Gap = [128, 128, 128];

    /// <summary>
    /// A 2-D tensor (height, width) as a grayscale PNG, each element drawn as a <paramref name="scale"/>×<paramref name="scale"/>
    /// block. Values are mapped linearly so that <paramref name="min"/> is black (0) and <paramref name="max"/> white (255),
    /// rounded to the nearest level and clamped outside the range. Without a range the tensor's own minimum and maximum are
    /// used (min–max normalisation); a constant tensor then comes out black.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor is not 2-D, is empty or too large, holds NaN or ±∞, or <paramref name="max"/> ≤ <paramref name="min"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is outside 1 … 64.</exception>
    public static PngImage ToPng(Tensor image, int scale = 4, double? min = null, double? max = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        CheckScale(scale);
        if (image.dim() != 2 || image.shape[0] < 1 || image.shape[1] < 1)
            throw new ArgumentException($"Expected a non-empty 2-D tensor (height, width); got shape [{string.Join(", ", image.shape)}].", nameof(image));
        int height = (int)Math.Min(image.shape[0], int.MaxValue), width = (int)Math.Min(image.shape[1], int.MaxValue);
        CheckSize((long)width * scale, (long)height * scale, nameof(image));
        var values = Values(image, nameof(image));
        var (lo, hi) = Range(values, min, max);

        var pixels = new byte[(long)width * scale * height * scale];
        int outWidth = width * scale;
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                byte level = Gray(values[(long)y * width + x], lo, hi);
                for (int dy = 0; dy < scale; dy++)
                    pixels.AsSpan((y * scale + dy) * outWidth + x * scale, scale).Fill(level);
            }
        return PngEncoder.Encode(pixels, outWidth, height * scale, channels: 1);
    }

    /// <summary>
    /// Tiles <paramref name="images"/> — shape (N, side·side) such as a Linear layer's weight matrix, or (N, side, side) —
    /// row by row into a grid with <paramref name="columns"/> tiles per row (fewer when N is smaller), each pixel drawn as a
    /// <paramref name="scale"/>×<paramref name="scale"/> block and tiles separated by a one-pixel gray line. All tiles share
    /// one colour scale, so they can be compared.
    /// <para>
    /// Grayscale (default): min–max normalisation over all tiles together, black = smallest, white = largest.
    /// Diverging (<paramref name="diverging"/> = true): blue for negative, red for positive, white for zero; full colour at
    /// ±<paramref name="limit"/> (default: the largest |value|). Only an exact 0 is pure white (255, 255, 255): any
    /// nonzero value is drawn at most 254 in its fading channels, so weights that are tiny but not zero stay distinguishable.
    /// </para>
    /// </summary>
    /// <exception cref="ArgumentException">The tensor is not (N, side·side) or (N, side, side) with N ≥ 1, holds NaN or ±∞,
    /// the picture would be too large, or <paramref name="limit"/> is given without <paramref name="diverging"/> or is not positive.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="side"/> or <paramref name="columns"/> is below 1, or <paramref name="scale"/> outside 1 … 64.</exception>
    public static PngImage Grid(Tensor images, int side, int columns, int scale = 2, bool diverging = false, double? limit = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(side, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        CheckScale(scale);
        if (limit is not null && !diverging)
            throw new ArgumentException("A colour limit applies to the diverging map only; grayscale grids use min–max normalisation.", nameof(limit));
        if (limit is { } l && !(l > 0 && double.IsFinite(l)))
            throw new ArgumentException($"The colour limit must be a positive finite number; got {l}.", nameof(limit));
        long pixelsPerTile = (long)side * side;
        bool flat = images.dim() == 2 && images.shape[1] == pixelsPerTile;
        bool square = images.dim() == 3 && images.shape[1] == side && images.shape[2] == side;
        if (!(flat || square) || images.shape[0] < 1)
            throw new ArgumentException(
                $"Expected images of shape (N, {pixelsPerTile}) or (N, {side}, {side}) with N ≥ 1; got [{string.Join(", ", images.shape)}].", nameof(images));
        long count = images.shape[0];
        int cols = (int)Math.Min(columns, count);
        long rows = (count + cols - 1) / cols;
        long tile = (long)side * scale;
        long widthL = cols * tile + (cols - 1), heightL = rows * tile + (rows - 1);
        CheckSize(widthL, heightL, nameof(images));
        int width = (int)widthL, height = (int)heightL;

        var values = Values(images, nameof(images));
        double lo, hi;
        if (diverging)
        {
            double m = limit ?? values.Max(Math.Abs);
            (lo, hi) = (-m, m);
        }
        else (lo, hi) = Range(values, null, null);

        var pixels = new byte[(long)width * height * 3];
        for (long i = 0; i < pixels.Length; i += 3) Gap.CopyTo(pixels, i);
        Span<byte> rgb = stackalloc byte[3];
        for (long n = 0; n < count; n++)
        {
            long top = n / cols * (tile + 1), left = n % cols * (tile + 1);
            for (int y = 0; y < side; y++)
                for (int x = 0; x < side; x++)
                {
                    double v = values[n * pixelsPerTile + (long)y * side + x];
                    if (diverging) Diverging(v, hi, rgb);
                    else rgb.Fill(Gray(v, lo, hi));
                    for (int dy = 0; dy < scale; dy++)
                    {
                        long row = (top + (long)y * scale + dy) * width;
                        for (int dx = 0; dx < scale; dx++)
                            rgb.CopyTo(pixels.AsSpan((int)((row + left + (long)x * scale + dx) * 3), 3));
                    }
                }
        }
        return PngEncoder.Encode(pixels, width, height, channels: 3);
    }

    /// <summary>White at 0; towards blue (0, 0, 255) for −limit and red (255, 0, 0) for +limit.</summary>
    static void Diverging(double v, double limit, Span<byte> rgb)
    {
        if (v == 0 || limit == 0) { rgb.Fill(255); return; }
        double t = Math.Min(Math.Abs(v) / limit, 1);
        byte fade = (byte)Math.Min(254, Math.Round(255 * (1 - t)));
        if (v > 0) { rgb[0] = 255; rgb[1] = fade; rgb[2] = fade; }
        else { rgb[0] = fade; rgb[1] = fade; rgb[2] = 255; }
    }

    static byte Gray(double v, double lo, double hi) =>
        hi <= lo ? (byte)0 : (byte)Math.Clamp(Math.Round(255 * (v - lo) / (hi - lo), MidpointRounding.AwayFromZero), 0, 255);

    static (double Lo, double Hi) Range(double[] values, double? min, double? max)
    {
        double lo = min ?? values.Min(), hi = max ?? values.Max();
        if ((min is not null || max is not null) && !(hi > lo))
            throw new ArgumentException($"The display range must have max > min; got [{lo}, {hi}].", max is not null ? nameof(max) : nameof(min));
        return (lo, hi);
    }

    /// <summary>The elements as float64 in row-major order, checked to be finite; the caller's tensor is not touched.</summary>
    static double[] Values(Tensor t, string name)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var values = t.detach().to(float64).cpu().contiguous().data<double>().ToArray();
        if (values.Any(v => !double.IsFinite(v)))
            throw new ArgumentException("The tensor holds NaN or infinite values, which have no colour.", name);
        return values;
    }

    static void CheckScale(int scale)
    {
        if (scale is < 1 or > MaxScale)
            throw new ArgumentOutOfRangeException(nameof(scale), scale, $"The scale must be between 1 and {MaxScale}.");
    }

    static void CheckSize(long width, long height, string name)
    {
        if (width * height > MaxPixels)
            throw new ArgumentException($"A {width}×{height} picture is larger than the {MaxPixels:N0}-pixel limit.", name);
    }
}
