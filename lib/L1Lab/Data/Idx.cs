using System.Buffers.Binary;
using static TorchSharp.torch;

namespace L1Lab.Data;

/// <summary>
/// Reader for the IDX format of MNIST and Fashion-MNIST (LeCun et al., http://yann.lecun.com/exdb/mnist/):
/// a big-endian header (magic number, then one uint32 per dimension) followed by unsigned bytes.
/// Files may be gzip-compressed or raw; the content decides, not the file name.
/// </summary>
/// <remarks>
/// Images come back flattened, float32 (N, rows·cols) in [0, 1], because the notebooks' MLP takes
/// (N, 784); reshape a row to rows × cols to look at it. Every problem with a file is a
/// <see cref="DataFileException"/>. Header sizes are checked against the real file before any
/// large allocation and capped at <see cref="MaxPayloadBytes"/>.
/// </remarks>
public static class Idx
{
    /// <summary>Magic number of an IDX images file: unsigned bytes (0x08), 3 dimensions (N, rows, cols).</summary>
    public const int ImagesMagic = 0x0803; // 2051

    /// <summary>Magic number of an IDX labels file: unsigned bytes (0x08), 1 dimension (N).</summary>
    public const int LabelsMagic = 0x0801; // 2049

    /// <summary>
    /// Largest data block accepted (256 MiB, about 340,000 28×28 images; MNIST's training images are
    /// 47 MB), so a corrupt header cannot ask for gigabytes.
    /// </summary>
    public const long MaxPayloadBytes = 256L << 20;

    /// <summary>Reads an IDX images file (gzip or raw) as float32 (N, rows·cols) with pixels scaled to [0, 1].</summary>
    /// <exception cref="DataFileException">The file is missing, not an images file, truncated or too large.</exception>
    public static Tensor ReadImages(string path)
    {
        using var stream = DataIO.OpenRead(path);
        return ReadImages(stream, path);
    }

    /// <summary>
    /// Reads IDX images (gzip or raw) from <paramref name="stream"/> as float32 (N, rows·cols) in [0, 1];
    /// <paramref name="sourceName"/> names the source in error messages.
    /// </summary>
    /// <exception cref="DataFileException">The data is not an images file, truncated or too large.</exception>
    public static Tensor ReadImages(Stream stream, string sourceName) => ReadImagesWithSize(stream, sourceName).Images;

    /// <summary>Reads an IDX labels file (gzip or raw) as int64 (N).</summary>
    /// <exception cref="DataFileException">The file is missing, not a labels file, truncated or too large.</exception>
    public static Tensor ReadLabels(string path)
    {
        using var stream = DataIO.OpenRead(path);
        return ReadLabels(stream, path);
    }

    /// <summary>
    /// Reads IDX labels (gzip or raw) from <paramref name="stream"/> as int64 (N);
    /// <paramref name="sourceName"/> names the source in error messages.
    /// </summary>
    /// <exception cref="DataFileException">The data is not a labels file, truncated or too large.</exception>
    public static Tensor ReadLabels(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var (_, payload) = Read(stream, sourceName, LabelsMagic);
        return LabelsTensor(payload);
    }

    /// <summary>
    /// Reads a matching pair of IDX images and labels files (MNIST, Fashion-MNIST, …) into an
    /// <see cref="ImageDataset"/>, checking that the counts agree, the images are square and every
    /// label lies in 0 … <paramref name="classCount"/> − 1.
    /// </summary>
    /// <exception cref="DataFileException">Either file is bad, or the two do not belong together.</exception>
    public static ImageDataset LoadDataset(string imagesPath, string labelsPath, int classCount = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        byte[] labels;
        using (var labelStream = DataIO.OpenRead(labelsPath))
            labels = Read(labelStream, labelsPath, LabelsMagic).Payload;
        for (var i = 0; i < labels.Length; i++)
            if (labels[i] >= classCount)
                throw new DataFileException(labelsPath, $"label {labels[i]} at index {i} is outside 0..{classCount - 1}");

        using var imageStream = DataIO.OpenRead(imagesPath);
        var (dims, pixels) = Read(imageStream, imagesPath, ImagesMagic);
        if (dims[1] != dims[2])
            throw new DataFileException(imagesPath, $"images are {dims[1]}×{dims[2]}; only square images are supported");
        if (dims[0] != labels.Length)
            throw new DataFileException(labelsPath, $"holds {labels.Length:N0} labels but {Path.GetFileName(imagesPath)} holds {dims[0]:N0} images");

        using var scope = NewDisposeScope();
        return new ImageDataset(ImagesTensor(pixels, dims), LabelsTensor(labels), dims[1], classCount);
    }

    /// <summary>Reads images and also returns their size, for loaders that need the side length.</summary>
    internal static (Tensor Images, int Rows, int Cols) ReadImagesWithSize(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var (dims, payload) = Read(stream, sourceName, ImagesMagic);
        return (ImagesTensor(payload, dims), dims[1], dims[2]);
    }

    private static Tensor ImagesTensor(byte[] pixels, int[] dims)
    {
        using var scope = NewDisposeScope();
        using var bytes = tensor(pixels, [dims[0], (long)dims[1] * dims[2]]);
        return bytes.to_type(ScalarType.Float32).div_(255f).MoveToOuterDisposeScope();
    }

    private static Tensor LabelsTensor(byte[] labels)
    {
        using var scope = NewDisposeScope();
        using var bytes = tensor(labels, [labels.LongLength]);
        return bytes.to_type(ScalarType.Int64).MoveToOuterDisposeScope();
    }

    /// <summary>Parses header and payload of one IDX stream whose magic must be <paramref name="magic"/>.</summary>
    private static (int[] Dims, byte[] Payload) Read(Stream stream, string name, int magic) =>
        DataIO.Wrap(name, () =>
        {
            var seekable = DataIO.Seekable(stream, name, MaxPayloadBytes + 1024);
            var gzip = DataIO.IsGzip(seekable);
            // Raw: the exact remaining length is known, so a lying header fails before allocating.
            long? remaining = gzip ? null : seekable.Length - seekable.Position;
            var compressed = seekable.Length - seekable.Position;
            var sizeHint = gzip ? DataIO.GzipSizeHint(seekable) : 0u;
            using var data = gzip ? DataIO.Decompressed(seekable) : null;
            var s = data ?? seekable;

            Span<byte> head = stackalloc byte[4];
            DataIO.ReadExactly(s, head, name, "the IDX magic number");
            var found = BinaryPrimitives.ReadInt32BigEndian(head);
            if (found != magic)
                throw new DataFileException(name, $"{Describe(found)}, expected {Describe(magic)} (wrong file?)");

            var rank = head[3];
            Span<byte> dimBytes = stackalloc byte[4 * rank];
            DataIO.ReadExactly(s, dimBytes, name, "the IDX header");
            var dims = new int[rank];
            long count = 1;
            for (var i = 0; i < rank; i++)
            {
                var d = BinaryPrimitives.ReadUInt32BigEndian(dimBytes[(4 * i)..]);
                if (d > MaxPayloadBytes)
                    throw new DataFileException(name, $"header dimension {i} is {d:N0}, more than the {MaxPayloadBytes:N0}-byte limit (corrupt header?)");
                dims[i] = (int)d;
                count *= d; // each factor ≤ 2^28 and the running product is checked below, so no overflow
                if (count > MaxPayloadBytes)
                    throw new DataFileException(name, $"header claims {string.Join(" × ", dims[..(i + 1)])} bytes, more than the {MaxPayloadBytes:N0}-byte limit (corrupt header?)");
            }
            if (rank == 3 && (dims[1] == 0 || dims[2] == 0))
                throw new DataFileException(name, $"header says images are {dims[1]}×{dims[2]} pixels");

            var what = $"the {string.Join(" × ", dims)} data";
            var total = 4 + 4 * rank + count;
            if (gzip && total > DataIO.MaxInflatedLength(compressed))
                throw new DataFileException(name, $"is truncated: {what} needs {count:N0} bytes, more than a {compressed:N0}-byte gzip file can hold");
            // The gzip trailer agrees with the header: allocate once instead of growing.
            var capacity = gzip && sizeHint == (uint)total ? count : 0;
            var payload = DataIO.ReadPayload(s, count, remaining - 4 - 4 * rank, MaxPayloadBytes, name, what, capacity);
            DataIO.ExpectEnd(s, name, what);
            return (dims, payload);
        });

    private static string Describe(int magic) => magic switch
    {
        ImagesMagic => "IDX images (magic 2051)",
        LabelsMagic => "IDX labels (magic 2049)",
        _ when (magic & unchecked((int)0xFFFF0000)) == 0 =>
            $"an IDX file with element type 0x{(magic >> 8) & 0xFF:X2} and {magic & 0xFF} dimensions (magic {magic})",
        _ => $"not an IDX file (magic 0x{magic:X8})",
    };
}
