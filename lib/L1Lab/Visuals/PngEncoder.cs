using System.Buffers.Binary;
using System.IO.Compression;

namespace L1Lab.Visuals;

/// <summary>
/// A minimal PNG writer (RFC 2083 / ISO 15948): 8-bit grayscale or RGB, no interlacing, filter type 0 on every
/// row, one zlib-compressed IDAT chunk. Just enough to put weight maps into notebooks without an imaging library.
/// </summary>
static class PngEncoder
{
    static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Encodes row-major pixels: 1 byte per pixel (gray) when <paramref name="channels"/> is 1, 3 (RGB) when 3.</summary>
    public static PngImage Encode(byte[] pixels, int width, int height, int channels)
    {
        if (channels is not (1 or 3)) throw new ArgumentOutOfRangeException(nameof(channels), channels, "PNG pixels here are gray (1) or RGB (3).");
        if ((long)width * height * channels != pixels.Length)
            throw new ArgumentException($"{pixels.Length} bytes do not make a {width}×{height} image with {channels} channel(s).", nameof(pixels));

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;                               // bit depth
        header[9] = (byte)(channels == 1 ? 0 : 2);   // colour type: 0 gray, 2 RGB
        // bytes 10-12: compression 0 (deflate), filter method 0, interlace 0 (none)

        int stride = width * channels;
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            for (int y = 0; y < height; y++)
            {
                zlib.WriteByte(0);                   // filter type 0: the row as is
                zlib.Write(pixels, y * stride, stride);
            }

        using var file = new MemoryStream();
        file.Write(Signature);
        WriteChunk(file, "IHDR", header);
        WriteChunk(file, "IDAT", compressed.ToArray());
        WriteChunk(file, "IEND", []);
        return new PngImage(file.ToArray(), width, height);
    }

    /// <summary>length (big-endian), type, data, CRC-32 of type and data.</summary>
    static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        var typeAndData = new byte[4 + data.Length];
        for (int i = 0; i < 4; i++) typeAndData[i] = (byte)type[i];
        data.CopyTo(typeAndData, 4);
        output.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Compute(typeAndData));
        output.Write(word);
    }
}

/// <summary>
/// CRC-32 as PNG and zlib's crc32() define it (reflected polynomial 0xEDB88320, initial and final XOR 0xFFFFFFFF).
/// Written out because System.IO.Hashing is a NuGet package, not part of the shared framework.
/// </summary>
static class Crc32
{
    static readonly uint[] Table = BuildTable();

    static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }

    /// <summary>The CRC-32 of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint c = 0xFFFFFFFFu;
        foreach (var b in data) c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }
}
