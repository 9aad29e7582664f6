using System.IO.Compression;
using System.Security.Cryptography;

namespace L1Lab.Data;

/// <summary>
/// Shared plumbing of the readers: open a file or stream, turn low-level I/O and decompression
/// errors into <see cref="DataFileException"/>, read a payload whose size a header claims without
/// trusting the header, and check SHA-256 sums.
/// </summary>
internal static class DataIO
{
    /// <summary>First buffer size when the real length is unknown (gzip); it doubles as data arrives.</summary>
    private const int InitialChunk = 1 << 20;

    /// <summary>Opens an existing file for one sequential read, or explains why it cannot.</summary>
    public static FileStream OpenRead(string path)
    {
        if (Directory.Exists(path)) throw new DataFileException(path, "is a folder, not a file");
        if (!File.Exists(path)) throw new DataFileException(path, "file not found");
        return Wrap(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
    }

    /// <summary>
    /// Runs <paramref name="read"/> and reports any I/O, format or decompression failure as a
    /// <see cref="DataFileException"/> for <paramref name="name"/> (ours pass through unchanged).
    /// </summary>
    public static T Wrap<T>(string name, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (DataFileException)
        {
            throw;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException
                                      or NotSupportedException)
        {
            throw new DataFileException(name, $"cannot be read ({e.GetType().Name}: {OneLine(e.Message)})", e);
        }
    }

    /// <summary>True when the stream starts with the gzip magic bytes 1F 8B (peeked, position restored).</summary>
    public static bool IsGzip(Stream seekable)
    {
        var start = seekable.Position;
        Span<byte> magic = stackalloc byte[2];
        var n = seekable.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        seekable.Position = start;
        return n == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
    }

    /// <summary>
    /// Gives a seekable view of <paramref name="stream"/>: the stream itself, or (when it cannot seek)
    /// an in-memory copy of at most <paramref name="maxBytes"/> bytes.
    /// </summary>
    public static Stream Seekable(Stream stream, string name, long maxBytes)
    {
        if (stream.CanSeek) return stream;
        var copy = new MemoryStream();
        var buffer = new byte[1 << 16];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + n > maxBytes)
                throw new DataFileException(name, $"is larger than the {maxBytes:N0}-byte limit");
            copy.Write(buffer, 0, n);
        }
        copy.Position = 0;
        return copy;
    }

    /// <summary>
    /// Upper bound of the bytes a gzip stream of <paramref name="compressedLength"/> bytes can inflate
    /// to: DEFLATE expands at most about 1032:1, so a header claiming more is provably lying.
    /// </summary>
    public static long MaxInflatedLength(long compressedLength) => compressedLength * 1032 + 1024;

    /// <summary>
    /// The gzip trailer's ISIZE field (uncompressed length mod 2³²) of a seekable gzip stream, read
    /// without moving the position; only a hint, since a damaged or concatenated file can disagree.
    /// </summary>
    public static uint GzipSizeHint(Stream seekable)
    {
        var start = seekable.Position;
        if (seekable.Length - start < 18) return 0;
        Span<byte> tail = stackalloc byte[4];
        seekable.Position = seekable.Length - 4;
        seekable.ReadExactly(tail);
        seekable.Position = start;
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(tail);
    }

    /// <summary>Decompresses a gzip stream (leaving the inner stream open), or returns the stream as is.</summary>
    public static Stream Decompressed(Stream seekable) =>
        IsGzip(seekable) ? new GZipStream(seekable, CompressionMode.Decompress, leaveOpen: true) : seekable;

    /// <summary>Reads exactly <paramref name="buffer"/>.Length bytes, or reports the file as truncated.</summary>
    public static void ReadExactly(Stream s, Span<byte> buffer, string name, string what)
    {
        var n = s.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (n < buffer.Length)
            throw new DataFileException(name, $"is truncated: {what} needs {buffer.Length:N0} bytes, only {n:N0} found");
    }

    /// <summary>
    /// Reads the <paramref name="claimed"/> payload bytes a header announced. When the real remaining
    /// length is known (<paramref name="knownRemaining"/>), a header claiming more fails before any
    /// allocation; otherwise the buffer starts at <paramref name="initialCapacity"/> (capped at the
    /// claim) and grows only as data actually arrives, so a lying header cannot make us allocate much
    /// more than the real data.
    /// </summary>
    public static byte[] ReadPayload(Stream s, long claimed, long? knownRemaining, long maxBytes, string name, string what,
        long initialCapacity = InitialChunk)
    {
        if (claimed > maxBytes)
            throw new DataFileException(name, $"{what} claims {claimed:N0} bytes, more than the {maxBytes:N0}-byte limit (corrupt header?)");
        if (knownRemaining is { } left && claimed > left)
            throw new DataFileException(name, $"is truncated: {what} needs {claimed:N0} bytes, only {left:N0} follow");

        var buffer = new byte[knownRemaining is null ? Math.Min(claimed, Math.Max(initialCapacity, InitialChunk)) : claimed];
        var filled = 0;
        while (filled < claimed)
        {
            if (filled == buffer.Length)
                Array.Resize(ref buffer, (int)Math.Min(claimed, 2L * buffer.Length));
            var n = s.Read(buffer, filled, buffer.Length - filled);
            if (n == 0)
                throw new DataFileException(name, $"is truncated: {what} needs {claimed:N0} bytes, only {filled:N0} found");
            filled += n;
        }
        return buffer;
    }

    /// <summary>Fails when anything follows the data the header described (a sign of a wrong or damaged file).</summary>
    public static void ExpectEnd(Stream s, string name, string what)
    {
        if (s.ReadByte() != -1)
            throw new DataFileException(name, $"has extra bytes after {what}");
    }

    /// <summary>Lower-case hex SHA-256 of a file.</summary>
    public static string Sha256Hex(string path)
    {
        using var stream = OpenRead(path);
        return Wrap(path, () => Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    /// <summary>Fails with a clear message unless the file's SHA-256 equals <paramref name="expectedHex"/>.</summary>
    public static void VerifySha256(string path, string expectedHex)
    {
        var actual = Sha256Hex(path);
        if (!string.Equals(actual, expectedHex, StringComparison.OrdinalIgnoreCase))
            throw new DataFileException(path, $"SHA-256 mismatch: expected {expectedHex}, got {actual} (damaged or different file; delete it and restore or download it again)");
    }

    /// <summary>Keeps messages on one line.</summary>
    public static string OneLine(string s) => s.ReplaceLineEndings(" ");
}
