using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace L1Lab.Tests.Data;

/// <summary>Builds small IDX, .npy and .npz files in memory so tests can make good and bad inputs.</summary>
internal static class DataFixtures
{
    public static byte[] IdxImages(int n, int rows, int cols, Func<int, byte>? pixel = null)
    {
        var header = IdxHeader(0x0803, n, rows, cols);
        var data = new byte[n * rows * cols];
        for (var i = 0; i < data.Length; i++) data[i] = pixel?.Invoke(i) ?? (byte)(i * 37 % 256);
        return [.. header, .. data];
    }

    public static byte[] IdxLabels(params byte[] labels) => [.. IdxHeader(0x0801, labels.Length), .. labels];

    public static byte[] IdxHeader(int magic, params int[] dims)
    {
        var header = new byte[4 + 4 * dims.Length];
        BinaryPrimitives.WriteInt32BigEndian(header, magic);
        for (var i = 0; i < dims.Length; i++) BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + 4 * i), dims[i]);
        return header;
    }

    public static byte[] Gzip(byte[] raw)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest)) gz.Write(raw);
        return ms.ToArray();
    }

    public static byte[] NpyBytes(string descr, long[] shape, byte[] data, bool fortran = false, int version = 1)
    {
        var shapeText = shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
        var dict = $"{{'descr': '{descr}', 'fortran_order': {(fortran ? "True" : "False")}, 'shape': {shapeText}, }}";
        return NpyWithHeader(dict, data, version);
    }

    /// <summary>A .npy file whose header dict is exactly <paramref name="dict"/> (padded as NumPy does).</summary>
    public static byte[] NpyWithHeader(string dict, byte[] data, int version = 1)
    {
        var prefix = version == 1 ? 10 : 12;
        var total = (prefix + dict.Length + 1 + 63) / 64 * 64;
        var text = dict.PadRight(total - prefix - 1) + "\n";
        using var ms = new MemoryStream();
        ms.Write([0x93, .. "NUMPY"u8, (byte)version, 0]);
        if (version == 1) ms.Write(BitConverter.GetBytes((ushort)text.Length));
        else ms.Write(BitConverter.GetBytes((uint)text.Length));
        ms.Write(Encoding.ASCII.GetBytes(text));
        ms.Write(data);
        return ms.ToArray();
    }

    public static byte[] NpzBytes(params (string Name, byte[] Npy)[] members)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, npy) in members)
            {
                using var entry = zip.CreateEntry(name + ".npy", CompressionLevel.Fastest).Open();
                entry.Write(npy);
            }
        return ms.ToArray();
    }

    /// <summary>A MedMNIST-like archive with 28×28 images; split sizes and label layout chosen by the test.</summary>
    public static byte[] MedNpz(int train = 5, int val = 2, int test = 3, bool columnLabels = false, string labelDescr = "|u1",
        string? omit = null, string imageDescr = "|u1")
    {
        var members = new List<(string, byte[])>();
        foreach (var (split, n) in new[] { ("train", train), ("val", val), ("test", test) })
        {
            var itemSize = imageDescr == "|u1" ? 1 : 4;
            var pixels = new byte[n * 28 * 28 * itemSize];
            for (var i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i % 251);
            if ($"{split}_images" != omit) members.Add(($"{split}_images", NpyBytes(imageDescr, [n, 28, 28], pixels)));
            var labels = Enumerable.Range(0, n).Select(i => (long)(i % 2)).ToArray();
            byte[] labelBytes = labelDescr switch
            {
                "|u1" => labels.Select(l => (byte)l).ToArray(),
                "<i8" => labels.SelectMany(BitConverter.GetBytes).ToArray(),
                "<f4" => labels.SelectMany(l => BitConverter.GetBytes((float)l)).ToArray(),
                _ => throw new ArgumentException(labelDescr),
            };
            if ($"{split}_labels" != omit)
                members.Add(($"{split}_labels", NpyBytes(labelDescr, columnLabels ? [n, 1] : [n], labelBytes)));
        }
        return NpzBytes([.. members]);
    }
}

/// <summary>A fresh temporary folder, deleted with its contents at the end of the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("l1lab-data-").FullName;

    public string Write(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
