using System.IO.Compression;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace L1Lab.Data;

/// <summary>
/// MedMNIST 28×28 medical image sets (Yang et al., Scientific Data 2023, https://medmnist.com/), stored
/// as NumPy <c>.npz</c> archives with members <c>train_images</c>, <c>train_labels</c>, <c>val_*</c>
/// and <c>test_*</c>. The project ships BreastMNIST (breast ultrasound; 0 = malignant,
/// 1 = normal/benign), the medical case study of notebooks 07 and 10, and PneumoniaMNIST (paediatric chest
/// X-rays; 0 = normal, 1 = pneumonia), the X-ray case of notebook 10.
/// </summary>
/// <remarks>
/// Images must be uint8 (N, side, side) and become float32 (N, side·side) in [0, 1]; labels may be
/// uint8, int32 or int64 of shape (N,) or (N, 1) (the official files use (N, 1)) and become int64 (N).
/// </remarks>
public static class MedMnist
{
    /// <summary>File name of BreastMNIST inside <c>data/medmnist/</c>.</summary>
    public const string BreastMnistFile = "breastmnist.npz";

    /// <summary>
    /// SHA-256 of the shipped <c>breastmnist.npz</c> (a re-save of the official arrays with (N,) labels,
    /// see <c>data/README.md</c>; not byte-identical to the Zenodo file).
    /// </summary>
    public const string BreastMnistSha256 = "5e68d79723fb3a63a399b0a66b66451799fc2eb3651f469cec0b679cfd743b68";

    /// <summary>Number of BreastMNIST classes: 0 = malignant, 1 = normal/benign.</summary>
    public const int BreastMnistClassCount = 2;

    /// <summary>File name of PneumoniaMNIST inside <c>data/medmnist/</c>.</summary>
    public const string PneumoniaMnistFile = "pneumoniamnist.npz";

    /// <summary>
    /// SHA-256 of the shipped <c>pneumoniamnist.npz</c>, byte-identical to the official Zenodo file
    /// (md5 <c>28209eda62fecd6e6a2d98b1501bb15f</c>, 4,170,669 bytes; see <c>data/README.md</c>).
    /// </summary>
    public const string PneumoniaMnistSha256 = "e1792d3f03751cb101e99f19a63b3c1941436c988665f47853417b05be250cd8";

    /// <summary>Number of PneumoniaMNIST classes: 0 = normal, 1 = pneumonia.</summary>
    public const int PneumoniaMnistClassCount = 2;

    /// <summary>PneumoniaMNIST's official split sizes (train, validation, test), checked on load.</summary>
    public static readonly (int Train, int Validation, int Test) PneumoniaMnistSplitSizes = (4708, 524, 624);

    /// <summary>Largest archive member accepted (uncompressed), so a corrupt archive cannot ask for gigabytes.</summary>
    public const long MaxMemberBytes = Npy.MaxDataBytes;

    private static readonly string[] SplitNames = ["train", "val", "test"];

    /// <summary>
    /// Loads the shipped BreastMNIST from <paramref name="dataDir"/> (the <c>data/</c> folder, e.g.
    /// <see cref="DataPaths.FindDataDirectory"/>, or the <c>medmnist/</c> folder itself), checking its
    /// SHA-256 first so every run uses the same bytes.
    /// </summary>
    /// <exception cref="DataFileException">The file is missing, damaged or has the wrong checksum.</exception>
    public static TrainValTest LoadBreastMnist(string dataDir, bool verifyChecksum = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDir);
        var sub = Path.Combine(dataDir, DataPaths.MedMnistFolderName);
        var path = Path.Combine(Directory.Exists(sub) ? sub : dataDir, BreastMnistFile);
        if (verifyChecksum)
            DataIO.VerifySha256(path, BreastMnistSha256);
        return Load(path, BreastMnistClassCount);
    }

    /// <summary>
    /// Loads the shipped PneumoniaMNIST from <paramref name="dataDir"/> (the <c>data/</c> folder or its
    /// <c>medmnist/</c> folder), checking its SHA-256 first and then the split sizes
    /// (<see cref="PneumoniaMnistSplitSizes"/>), so a damaged or different file stops with one line naming it.
    /// </summary>
    /// <exception cref="DataFileException">The file is missing, damaged, has the wrong checksum or the wrong split sizes.</exception>
    public static TrainValTest LoadPneumoniaMnist(string dataDir, bool verifyChecksum = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDir);
        var sub = Path.Combine(dataDir, DataPaths.MedMnistFolderName);
        var path = Path.Combine(Directory.Exists(sub) ? sub : dataDir, PneumoniaMnistFile);
        if (verifyChecksum)
            DataIO.VerifySha256(path, PneumoniaMnistSha256);
        var data = Load(path, PneumoniaMnistClassCount);
        var expected = PneumoniaMnistSplitSizes;
        if ((data.Train.Count, data.Validation.Count, data.Test.Count) != (expected.Train, expected.Validation, expected.Test))
        {
            var found = $"{data.Train.Count:N0} / {data.Validation.Count:N0} / {data.Test.Count:N0}";
            data.Dispose();
            throw new DataFileException(path, $"holds {found} train / validation / test images; PneumoniaMNIST has {expected.Train:N0} / {expected.Validation:N0} / {expected.Test:N0}");
        }
        return data;
    }

    /// <summary>
    /// Loads the train, validation and test splits of any 2-D grayscale MedMNIST <c>.npz</c> file.
    /// </summary>
    /// <param name="npzPath">Path of the <c>.npz</c> archive.</param>
    /// <param name="classCount">Number of classes; if null, one more than the largest label found (at least 2).</param>
    /// <exception cref="DataFileException">The file is missing, not a zip, lacks a member, or a member has the wrong dtype, shape or length.</exception>
    public static TrainValTest Load(string npzPath, int? classCount = null)
    {
        using var stream = DataIO.OpenRead(npzPath);
        return Load(stream, npzPath, classCount);
    }

    /// <summary>
    /// Loads the three splits from an <c>.npz</c> archive in <paramref name="npz"/>;
    /// <paramref name="sourceName"/> names it in error messages.
    /// </summary>
    /// <param name="npz">The archive bytes (left open).</param>
    /// <param name="sourceName">File name or description used in <see cref="DataFileException"/> messages.</param>
    /// <param name="classCount">Number of classes; if null, one more than the largest label found (at least 2).</param>
    /// <exception cref="DataFileException">Not a zip, a missing member, or a member with the wrong dtype, shape or length.</exception>
    public static TrainValTest Load(Stream npz, string sourceName, int? classCount = null)
    {
        ArgumentNullException.ThrowIfNull(npz);
        if (classCount is < 1) throw new ArgumentOutOfRangeException(nameof(classCount), "must be at least 1");

        var splits = DataIO.Wrap(sourceName, () =>
        {
            using var zip = new ZipArchive(DataIO.Seekable(npz, sourceName, 4 * MaxMemberBytes), ZipArchiveMode.Read, leaveOpen: true);
            return SplitNames.Select(split => ReadSplit(zip, split, sourceName)).ToArray();
        });

        var maxLabel = splits.SelectMany(s => s.Labels).DefaultIfEmpty(0).Max();
        var classes = classCount ?? (int)Math.Max(2, maxLabel + 1);
        foreach (var (split, s) in SplitNames.Zip(splits))
        {
            var bad = Array.FindIndex(s.Labels, l => l >= classes);
            if (bad >= 0)
                throw new DataFileException(sourceName, $"{split}_labels[{bad}] = {s.Labels[bad]} is outside 0..{classes - 1}");
        }

        var datasets = new List<ImageDataset>();
        try
        {
            foreach (var s in splits)
            {
                using var scope = NewDisposeScope();
                using var bytes = tensor(s.Pixels, [s.Labels.LongLength, (long)s.Side * s.Side]);
                datasets.Add(new ImageDataset(bytes.to_type(ScalarType.Float32).div_(255f), tensor(s.Labels), s.Side, classes));
            }
            return new TrainValTest(datasets[0], datasets[1], datasets[2]);
        }
        catch
        {
            datasets.ForEach(d => d.Dispose());
            throw;
        }
    }

    private sealed record Split(byte[] Pixels, int Side, long[] Labels);

    private static Split ReadSplit(ZipArchive zip, string split, string name)
    {
        var (imagesHeader, pixels) = ReadMember(zip, $"{split}_images", name);
        var shape = imagesHeader.Shape;
        if (imagesHeader.Descr is not ("|u1" or "<u1"))
            throw new DataFileException(name, $"member {split}_images has dtype '{imagesHeader.Descr}'; expected uint8 ('|u1')");
        if (shape.Count != 3 || shape[1] != shape[2] || shape[1] == 0)
            throw new DataFileException(name, $"member {split}_images has shape {imagesHeader.ShapeText}; expected (N, side, side) grayscale images");

        var (labelsHeader, labelBytes) = ReadMember(zip, $"{split}_labels", name);
        var lshape = labelsHeader.Shape;
        if (!(lshape.Count == 1 || (lshape.Count == 2 && lshape[1] == 1)))
            throw new DataFileException(name, $"member {split}_labels has shape {labelsHeader.ShapeText}; expected (N,) or (N, 1) single-label classes");
        if (lshape[0] != shape[0])
            throw new DataFileException(name, $"member {split}_labels holds {lshape[0]:N0} labels but {split}_images holds {shape[0]:N0} images");

        long[] labels = labelsHeader.Descr switch
        {
            "|u1" or "<u1" => Array.ConvertAll(labelBytes, b => (long)b),
            "<i4" => Array.ConvertAll(MemoryMarshal.Cast<byte, int>(labelBytes).ToArray(), i => (long)i),
            "<i8" => MemoryMarshal.Cast<byte, long>(labelBytes).ToArray(),
            var d => throw new DataFileException(name, $"member {split}_labels has dtype '{d}'; expected an integer type (|u1, <i4 or <i8)"),
        };
        var negative = Array.FindIndex(labels, l => l < 0);
        if (negative >= 0)
            throw new DataFileException(name, $"{split}_labels[{negative}] = {labels[negative]} is negative");
        return new Split(pixels, (int)shape[1], labels);
    }

    private static (NpyHeader Header, byte[] Data) ReadMember(ZipArchive zip, string member, string name)
    {
        var entry = zip.GetEntry(member + ".npy") ?? zip.GetEntry(member);
        if (entry is null)
        {
            var present = string.Join(", ", zip.Entries.Select(e => e.FullName).Take(20));
            throw new DataFileException(name, $"has no member '{member}.npy' (members: {(present.Length == 0 ? "none" : present)})");
        }
        if (entry.Length > MaxMemberBytes)
            throw new DataFileException(name, $"member {entry.FullName} claims {entry.Length:N0} bytes, more than the {MaxMemberBytes:N0}-byte limit");
        try
        {
            using var stream = entry.Open();
            return Npy.ReadArray(stream, $"{name}[{entry.FullName}]", entry.Length);
        }
        catch (DataFileException e)
        {
            throw new DataFileException(name, $"member {entry.FullName}: {e.Reason}", e);
        }
    }
}
