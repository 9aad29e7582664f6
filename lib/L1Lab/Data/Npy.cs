using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using static TorchSharp.torch;

namespace L1Lab.Data;

/// <summary>
/// Reader for NumPy's <c>.npy</c> format (versions 1–3, https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html):
/// the magic <c>\x93NUMPY</c>, a version, a header length, a Python dict literal with
/// <c>'descr'</c>, <c>'fortran_order'</c> and <c>'shape'</c>, then the raw array. This is what the
/// MedMNIST <c>.npz</c> files hold; see <see cref="MedMnist"/>.
/// </summary>
/// <remarks>
/// Supported dtypes: <c>|u1</c> uint8, <c>&lt;i4</c> int32, <c>&lt;i8</c> int64, <c>&lt;f4</c> float32,
/// <c>&lt;f8</c> float64, C order only. Every problem is a <see cref="DataFileException"/>; the data
/// size is checked against <see cref="MaxDataBytes"/> and the real stream before large allocations.
/// </remarks>
public static class Npy
{
    /// <summary>The six magic bytes every <c>.npy</c> file starts with.</summary>
    public static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Largest array accepted (256 MiB), so a corrupt header cannot ask for gigabytes.</summary>
    public const long MaxDataBytes = 256L << 20;

    /// <summary>Largest header accepted; real headers are 128 bytes or a few more.</summary>
    public const int MaxHeaderBytes = 1 << 16;

    /// <summary>Reads a <c>.npy</c> file into a tensor of the same dtype and shape.</summary>
    /// <exception cref="DataFileException">The file is missing, not a supported .npy, or truncated.</exception>
    public static Tensor Read(string path)
    {
        using var stream = DataIO.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>
    /// Reads one <c>.npy</c> array from <paramref name="stream"/> into a tensor of the same dtype and
    /// shape; <paramref name="sourceName"/> names the source in error messages.
    /// </summary>
    /// <exception cref="DataFileException">The data is not a supported .npy array, or is truncated.</exception>
    public static Tensor Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var (header, data) = ReadArray(stream, sourceName, stream.CanSeek ? stream.Length - stream.Position : null);
        return ToTensor(header, data);
    }

    /// <summary>Reads and checks only the header, leaving the stream at the start of the data.</summary>
    /// <exception cref="DataFileException">The data does not start with a valid, supported .npy header.</exception>
    public static NpyHeader ReadHeader(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return DataIO.Wrap(sourceName, () => ReadHeaderCore(stream, sourceName).Header);
    }

    /// <summary>Header and raw little-endian data bytes; <paramref name="declaredLength"/> bounds the data when known.</summary>
    internal static (NpyHeader Header, byte[] Data) ReadArray(Stream stream, string name, long? declaredLength) =>
        DataIO.Wrap(name, () =>
        {
            var (header, headerBytes) = ReadHeaderCore(stream, name);
            if (header.FortranOrder)
                throw new DataFileException(name, "holds a Fortran-order array; save it in C order (np.ascontiguousarray)");

            long bytes = header.ItemSize;
            foreach (var d in header.Shape)
            {
                bytes *= d; // d ≤ MaxDataBytes and bytes ≤ MaxDataBytes before this step: no overflow
                if (bytes > MaxDataBytes)
                    throw new DataFileException(name, $"shape {header.ShapeText} of {header.Descr} needs more than the {MaxDataBytes:N0}-byte limit (corrupt header?)");
            }
            if (header.Shape.Contains(0)) bytes = 0;
            var what = $"the {header.Descr} {header.ShapeText} array";
            if (declaredLength is { } length && bytes > length - headerBytes)
                throw new DataFileException(name, $"is truncated: {what} needs {bytes:N0} bytes, only {Math.Max(0, length - headerBytes):N0} follow");
            var data = DataIO.ReadPayload(stream, bytes, stream.CanSeek ? stream.Length - stream.Position : null, MaxDataBytes, name, what);
            DataIO.ExpectEnd(stream, name, what);
            return (header, data);
        });

    /// <summary>Turns checked header + data into a tensor (little-endian host assumed, as on all .NET targets we run on).</summary>
    internal static Tensor ToTensor(NpyHeader header, byte[] data)
    {
        var dims = header.Shape.ToArray();
        return header.DType switch
        {
            ScalarType.Byte => tensor(data, dims),
            ScalarType.Int32 => tensor(MemoryMarshal.Cast<byte, int>(data).ToArray(), dims),
            ScalarType.Int64 => tensor(MemoryMarshal.Cast<byte, long>(data).ToArray(), dims),
            ScalarType.Float32 => tensor(MemoryMarshal.Cast<byte, float>(data).ToArray(), dims),
            ScalarType.Float64 => tensor(MemoryMarshal.Cast<byte, double>(data).ToArray(), dims),
            var other => throw new InvalidOperationException($"unhandled dtype {other}"),
        };
    }

    /// <summary>Maps a supported NumPy dtype string to a TorchSharp type, or null.</summary>
    internal static ScalarType? DTypeOf(string descr) => descr switch
    {
        "|u1" or "<u1" => ScalarType.Byte,
        "<i4" => ScalarType.Int32,
        "<i8" => ScalarType.Int64,
        "<f4" => ScalarType.Float32,
        "<f8" => ScalarType.Float64,
        _ => null,
    };

    /// <summary>Bytes per element of a supported dtype string.</summary>
    internal static int ItemSizeOf(string descr) => DTypeOf(descr) switch
    {
        ScalarType.Byte => 1,
        ScalarType.Int32 or ScalarType.Float32 => 4,
        ScalarType.Int64 or ScalarType.Float64 => 8,
        _ => throw new InvalidOperationException($"unsupported dtype '{descr}'"),
    };

    private static (NpyHeader Header, long Bytes) ReadHeaderCore(Stream s, string name)
    {
        Span<byte> pre = stackalloc byte[8];
        DataIO.ReadExactly(s, pre, name, "the .npy magic and version");
        if (!pre[..6].SequenceEqual(Magic))
            throw new DataFileException(name, "is not a NumPy .npy array (magic \\x93NUMPY missing)");
        var major = pre[6];
        if (major is < 1 or > 3)
            throw new DataFileException(name, $"has .npy format version {major}.{pre[7]}; only 1.x, 2.x and 3.x are supported");

        Span<byte> len = stackalloc byte[major == 1 ? 2 : 4];
        DataIO.ReadExactly(s, len, name, "the .npy header length");
        var headerLength = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(len) : BinaryPrimitives.ReadUInt32LittleEndian(len);
        if (headerLength > MaxHeaderBytes)
            throw new DataFileException(name, $".npy header claims {headerLength:N0} bytes, more than the {MaxHeaderBytes:N0}-byte limit");
        var text = new byte[headerLength];
        DataIO.ReadExactly(s, text, name, "the .npy header");
        var encoding = major == 3 ? Encoding.UTF8 : Encoding.Latin1;
        var header = ParseHeader(encoding.GetString(text), name);
        return (header, 8 + len.Length + headerLength);
    }

    /// <summary>Parses the header's Python dict literal, e.g. <c>{'descr': '|u1', 'fortran_order': False, 'shape': (546, 28, 28), }</c>.</summary>
    internal static NpyHeader ParseHeader(string text, string name)
    {
        var p = new DictParser(text, name);
        var dict = p.ParseDict();
        foreach (var key in dict.Keys)
            if (key is not ("descr" or "fortran_order" or "shape"))
                throw new DataFileException(name, $".npy header has unexpected key '{key}'");
        if (dict.GetValueOrDefault("descr") is not string descr)
            throw new DataFileException(name, ".npy header lacks a string 'descr'");
        if (dict.GetValueOrDefault("fortran_order") is not bool fortran)
            throw new DataFileException(name, ".npy header lacks a boolean 'fortran_order'");
        if (dict.GetValueOrDefault("shape") is not long[] shape)
            throw new DataFileException(name, ".npy header lacks a tuple 'shape'");
        if (DTypeOf(descr) is null)
            throw new DataFileException(name, $"has dtype '{descr}'; supported: |u1, <i4, <i8, <f4, <f8 (little-endian)");
        return new NpyHeader(descr, fortran, shape);
    }

    /// <summary>Minimal parser for the one Python literal shape .npy headers use: a dict of str → str | bool | tuple of ints.</summary>
    private ref struct DictParser(string text, string name)
    {
        private int _i;

        public Dictionary<string, object> ParseDict()
        {
            var dict = new Dictionary<string, object>();
            Expect('{');
            while (true)
            {
                SkipSpace();
                if (TryTake('}')) break;
                var key = ParseString();
                Expect(':');
                SkipSpace();
                object value = Peek() switch
                {
                    '\'' or '"' => ParseString(),
                    '(' => ParseTuple(),
                    _ => ParseBool(),
                };
                if (!dict.TryAdd(key, value))
                    throw Error($"repeats key '{key}'");
                SkipSpace();
                if (TryTake('}')) break;
                Expect(',');
            }
            SkipSpace();
            if (_i != text.Length)
                throw Error("has text after the dict");
            return dict;
        }

        private string ParseString()
        {
            SkipSpace();
            var quote = Peek();
            if (quote is not ('\'' or '"')) throw Error("expected a quoted string");
            _i++;
            var end = text.IndexOf(quote, _i);
            if (end < 0) throw Error("has an unterminated string");
            var s = text[_i..end];
            _i = end + 1;
            return s;
        }

        private bool ParseBool()
        {
            if (text.AsSpan(_i).StartsWith("True")) { _i += 4; return true; }
            if (text.AsSpan(_i).StartsWith("False")) { _i += 5; return false; }
            throw Error("expected True, False, a string or a tuple");
        }

        private long[] ParseTuple()
        {
            Expect('(');
            var items = new List<long>();
            while (true)
            {
                SkipSpace();
                if (TryTake(')')) break;
                var start = _i;
                while (_i < text.Length && char.IsAsciiDigit(text[_i])) _i++;
                if (_i == start) throw Error("expected a non-negative integer in 'shape'");
                if (!long.TryParse(text.AsSpan(start, _i - start), out var value) || value > MaxDataBytes)
                    throw Error($"has a dimension larger than {MaxDataBytes:N0} in 'shape'");
                items.Add(value);
                TryTake('L'); // Python 2 long suffix
                SkipSpace();
                if (TryTake(')')) break;
                Expect(',');
            }
            if (items.Count > 32) throw Error("has more than 32 dimensions in 'shape'");
            return [.. items];
        }

        private void Expect(char c)
        {
            SkipSpace();
            if (!TryTake(c)) throw Error($"expected '{c}' at character {_i}");
        }

        private bool TryTake(char c)
        {
            if (_i < text.Length && text[_i] == c) { _i++; return true; }
            return false;
        }

        private readonly char Peek() => _i < text.Length ? text[_i] : '\0';

        private void SkipSpace()
        {
            while (_i < text.Length && char.IsWhiteSpace(text[_i])) _i++;
        }

        private readonly DataFileException Error(string what) => new(name, $".npy header {what}");
    }
}
