using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using L1Lab.Visuals;

namespace L1Lab.Tests.Visuals;

public class ImagesTests
{
    /// <summary>What a decoder reads back from a PNG: header fields and the unfiltered pixel bytes.</summary>
    sealed record Decoded(int Width, int Height, int BitDepth, int ColorType, IReadOnlyList<string> Chunks, byte[] Pixels);

    /// <summary>
    /// An independent reader for the files we write: checks the signature and every chunk's CRC (bitwise CRC-32, not
    /// the encoder's table), reads IHDR, inflates the IDAT data and strips the per-row filter bytes (which must be 0).
    /// </summary>
    static Decoded Decode(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        int pos = 8, width = 0, height = 0, depth = 0, color = 0;
        var chunks = new List<string>();
        using var idat = new MemoryStream();
        while (pos < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            var typeAndData = png.AsSpan(pos + 4, 4 + length);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos + 8 + length));
            string type = Encoding.ASCII.GetString(typeAndData[..4]);
            Assert.True(BitwiseCrc32(typeAndData) == crc, $"CRC of chunk {type} is wrong.");
            var data = typeAndData[4..];
            chunks.Add(type);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                depth = data[8];
                color = data[9];
                Assert.Equal(new byte[] { 0, 0, 0 }, data[10..13].ToArray());
            }
            else if (type == "IDAT") idat.Write(data);
            pos += 12 + length;
        }
        Assert.Equal(png.Length, pos);
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress)) zlib.CopyTo(inflated);
        var raw = inflated.ToArray();
        int stride = width * (color == 2 ? 3 : 1);
        Assert.Equal((stride + 1) * height, raw.Length);
        var pixels = new byte[stride * height];
        for (int y = 0; y < height; y++)
        {
            Assert.Equal(0, raw[y * (stride + 1)]);
            Array.Copy(raw, y * (stride + 1) + 1, pixels, y * stride, stride);
        }
        return new Decoded(width, height, depth, color, chunks, pixels);
    }

    static uint BitwiseCrc32(ReadOnlySpan<byte> data)
    {
        uint c = 0xFFFFFFFF;
        foreach (var b in data)
        {
            c ^= b;
            for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xEDB88320 & (uint)-(int)(c & 1));
        }
        return ~c;
    }

    static byte[] Rgb(Decoded d, int x, int y) => d.Pixels.AsSpan((y * d.Width + x) * 3, 3).ToArray();

    [Fact]
    public void BitwiseCrc32_matches_the_standard_check_value()
    {
        // Given the CRC-32 catalogue's check input, When hashed, Then the published check value comes out.
        Assert.Equal(0xCBF43926u, BitwiseCrc32("123456789"u8));
    }

    [Fact]
    public void ToPng_writes_chunks_that_decode_to_the_encoded_gray_levels()
    {
        // Given a 2×3 tensor of levels k/255 and the range [0, 1]
        var levels = new byte[] { 0, 17, 255, 128, 3, 200 };
        using var image = tensor(levels.Select(b => b / 255f).ToArray()).reshape(2, 3);

        // When encoded at scale 3
        var png = Images.ToPng(image, scale: 3, min: 0, max: 1);
        var d = Decode(png.Bytes);

        // Then the header, the chunk order and every pixel (each value a 3×3 block) are what was encoded
        Assert.Equal((9, 6, 8, 0), (d.Width, d.Height, d.BitDepth, d.ColorType));
        Assert.Equal((9, 6), (png.Width, png.Height));
        Assert.Equal(["IHDR", "IDAT", "IEND"], d.Chunks);
        for (int y = 0; y < 6; y++)
            for (int x = 0; x < 9; x++)
                Assert.Equal(levels[y / 3 * 3 + x / 3], d.Pixels[y * 9 + x]);
    }

    [Fact]
    public void ToPng_without_a_range_maps_minimum_to_black_and_maximum_to_white()
    {
        using var image = tensor(new[] { -2.0, 0.0, 2.0, 1.0 }).reshape(2, 2);
        var d = Decode(Images.ToPng(image, scale: 1).Bytes);
        Assert.Equal(new byte[] { 0, 128, 255, 191 }, d.Pixels);
    }

    [Fact]
    public void Grid_tiles_flat_images_row_by_row_with_gray_gaps()
    {
        // Given five 2×2 images as rows of a (5, 4) matrix, tile n filled with the value n
        using var images = arange(5, dtype: float32).unsqueeze(1).expand(5, 4).contiguous();

        // When tiled three per row at scale 2
        var d = Decode(Images.Grid(images, side: 2, columns: 3, scale: 2).Bytes);

        // Then the picture is 3 tiles of 4 px plus 2 gaps wide, 2 rows high, and each tile has its own gray level
        Assert.Equal((3 * 4 + 2, 2 * 4 + 1, 2), (d.Width, d.Height, d.ColorType));
        for (int n = 0; n < 5; n++)
        {
            int x = n % 3 * 5, y = n / 3 * 5;
            byte level = (byte)Math.Round(255 * n / 4.0, MidpointRounding.AwayFromZero);
            Assert.Equal(new[] { level, level, level }, Rgb(d, x + 3, y + 3));
        }
        Assert.Equal(new byte[] { 128, 128, 128 }, Rgb(d, 4, 0));   // gap column
        Assert.Equal(new byte[] { 128, 128, 128 }, Rgb(d, 12, 6));  // empty sixth cell
    }

    [Fact]
    public void Grid_diverging_draws_exact_zeros_pure_white_and_tiny_weights_not()
    {
        // Given one 2×2 weight image: exactly 0, a tiny positive value, the largest negative and positive weights
        using var weights = tensor(new[] { 0.0f, 1e-6f, -0.5f, 0.5f }).reshape(1, 2, 2);

        // When drawn with the diverging map
        var d = Decode(Images.Grid(weights, side: 2, columns: 1, scale: 1, diverging: true).Bytes);

        // Then 0 is white, the tiny weight is almost (not exactly) white, and ±max are full blue and full red
        Assert.Equal(new byte[] { 255, 255, 255 }, Rgb(d, 0, 0));
        Assert.Equal(new byte[] { 255, 254, 254 }, Rgb(d, 1, 0));
        Assert.Equal(new byte[] { 0, 0, 255 }, Rgb(d, 0, 1));
        Assert.Equal(new byte[] { 255, 0, 0 }, Rgb(d, 1, 1));
    }

    [Fact]
    public void Grid_diverging_of_an_all_zero_layer_is_all_white_tiles()
    {
        using var weights = zeros(4, 9);
        var d = Decode(Images.Grid(weights, side: 3, columns: 4, scale: 1, diverging: true).Bytes);
        for (int n = 0; n < 4; n++)
            Assert.Equal(new byte[] { 255, 255, 255 }, Rgb(d, n * 4 + 1, 1));
    }

    [Fact]
    public void Grid_diverging_with_a_limit_saturates_beyond_it()
    {
        using var weights = tensor(new[] { 2.0f, -0.5f }).reshape(1, 2);
        var d = Decode(Images.Grid(weights.reshape(2, 1), side: 1, columns: 2, scale: 1, diverging: true, limit: 1).Bytes);
        Assert.Equal(new byte[] { 255, 0, 0 }, Rgb(d, 0, 0));
        Assert.Equal(new byte[] { 128, 128, 255 }, Rgb(d, 2, 0));
    }

    [Fact]
    public void Grid_does_not_modify_or_dispose_the_callers_tensor()
    {
        using var weights = randn(3, 16);
        using var copy = weights.clone();
        Images.Grid(weights, side: 4, columns: 2, diverging: true);
        Assert.True(weights.eq(copy).all().item<bool>());
    }

    [Theory]
    [InlineData(new long[] { 784 })]           // 1-D
    [InlineData(new long[] { 2, 783 })]        // not side·side
    [InlineData(new long[] { 2, 28, 27 })]     // not square
    [InlineData(new long[] { 0, 784 })]        // no images
    [InlineData(new long[] { 1, 2, 28, 28 })]  // 4-D
    public void Grid_rejects_bad_shapes_with_a_clear_ArgumentException(long[] shape)
    {
        using var images = zeros(shape);
        var e = Assert.Throws<ArgumentException>(() => Images.Grid(images, side: 28, columns: 4));
        Assert.Equal("images", e.ParamName);
        Assert.Contains("(N, 784) or (N, 28, 28)", e.Message);
    }

    [Theory]
    [InlineData(new long[] { 5 })]
    [InlineData(new long[] { 2, 2, 2 })]
    [InlineData(new long[] { 0, 3 })]
    public void ToPng_rejects_tensors_that_are_not_2D_images(long[] shape)
    {
        using var image = zeros(shape);
        var e = Assert.Throws<ArgumentException>(() => Images.ToPng(image));
        Assert.Equal("image", e.ParamName);
        Assert.Contains("2-D", e.Message);
    }

    [Fact]
    public void Bad_arguments_are_named_in_the_exception()
    {
        using var image = zeros(2, 2);
        using var nan = tensor(new[] { float.NaN, 0f }).reshape(1, 2);
        Assert.Throws<ArgumentOutOfRangeException>("scale", () => Images.ToPng(image, scale: 0));
        Assert.Throws<ArgumentException>("max", () => Images.ToPng(image, min: 1, max: 1));
        Assert.Throws<ArgumentException>("image", () => Images.ToPng(nan));
        Assert.Throws<ArgumentOutOfRangeException>("columns", () => Images.Grid(zeros(1, 4), side: 2, columns: 0));
        Assert.Throws<ArgumentException>("limit", () => Images.Grid(zeros(1, 4), side: 2, columns: 1, limit: 1));
        Assert.Throws<ArgumentException>("limit", () => Images.Grid(zeros(1, 4), side: 2, columns: 1, diverging: true, limit: -1));
    }

    [Fact]
    public void Save_writes_the_bytes_to_the_file()
    {
        var png = Images.ToPng(eye(3), scale: 2);
        var path = Path.Combine(Path.GetTempPath(), $"l1lab-{Guid.NewGuid():N}", "eye.png");
        try
        {
            png.Save(path);
            Assert.Equal(png.Bytes, File.ReadAllBytes(path));
            Assert.Equal((6, 6), (Decode(File.ReadAllBytes(path)).Width, Decode(File.ReadAllBytes(path)).Height));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
