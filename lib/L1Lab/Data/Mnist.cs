namespace L1Lab.Data;

/// <summary>
/// The MNIST handwritten digits (60,000 training and 10,000 test images, 28×28, classes 0–9), loaded
/// from the four original gzip IDX files shipped in <c>data/mnist/</c>. Loading checks each file's
/// SHA-256 first, so every notebook provably trains on the same bytes. Fashion-MNIST uses the same
/// file names and format: load it with <c>verifyChecksums: false</c>.
/// </summary>
public static class Mnist
{
    /// <summary>File name of the training images, as shipped by the original source.</summary>
    public const string TrainImagesFile = "train-images-idx3-ubyte.gz";

    /// <summary>File name of the training labels, as shipped by the original source.</summary>
    public const string TrainLabelsFile = "train-labels-idx1-ubyte.gz";

    /// <summary>File name of the test images, as shipped by the original source.</summary>
    public const string TestImagesFile = "t10k-images-idx3-ubyte.gz";

    /// <summary>File name of the test labels, as shipped by the original source.</summary>
    public const string TestLabelsFile = "t10k-labels-idx1-ubyte.gz";

    /// <summary>Number of digit classes (0–9).</summary>
    public const int ClassCount = 10;

    /// <summary>
    /// SHA-256 of each original <c>.gz</c> file (lower-case hex), as published by many public MNIST
    /// loaders and recorded in <c>data/README.md</c>; these files also have the well-known original md5
    /// sums that torchvision checks (f68b3c2d…, d53e105e…, 9fb629c4…, ec29112d…).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Sha256 { get; } = new Dictionary<string, string>
    {
        [TrainImagesFile] = "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
        [TrainLabelsFile] = "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
        [TestImagesFile] = "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
        [TestLabelsFile] = "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
    };

    /// <summary>
    /// Loads the MNIST train and test splits as <see cref="ImageDataset"/>s (float32 (N, 784) in [0, 1],
    /// int64 labels). <paramref name="dataDir"/> is the folder holding the four files, or a folder with
    /// an <c>mnist/</c> sub-folder holding them (e.g. <see cref="DataPaths.FindDataDirectory"/>).
    /// Works offline only: missing files are an error, never a silent download.
    /// </summary>
    /// <param name="dataDir">The MNIST folder, or its parent <c>data/</c> folder.</param>
    /// <param name="verifyChecksums">Check each file's SHA-256 against <see cref="Sha256"/> first; turn off for Fashion-MNIST or other IDX files with the same names.</param>
    /// <exception cref="DataFileException">A file is missing, damaged, has the wrong checksum, or images and labels do not match.</exception>
    public static TrainTest Load(string dataDir, bool verifyChecksums = true)
    {
        var folder = ResolveFolder(dataDir);
        if (!Directory.Exists(folder))
            throw new DataFileException(folder, "folder not found");
        foreach (var file in Sha256.Keys)
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
                throw new DataFileException(path, "file not found (restore it from git: the data files are part of the repository)");
            if (verifyChecksums)
                DataIO.VerifySha256(path, Sha256[file]);
        }

        var train = Idx.LoadDataset(Path.Combine(folder, TrainImagesFile), Path.Combine(folder, TrainLabelsFile), ClassCount);
        try
        {
            var test = Idx.LoadDataset(Path.Combine(folder, TestImagesFile), Path.Combine(folder, TestLabelsFile), ClassCount);
            return new TrainTest(train, test);
        }
        catch
        {
            train.Dispose();
            throw;
        }
    }

    /// <summary>The folder with the files: <c>dataDir/mnist</c> when that exists, else <paramref name="dataDir"/>.</summary>
    private static string ResolveFolder(string dataDir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDir);
        var sub = Path.Combine(dataDir, DataPaths.MnistFolderName);
        return Directory.Exists(sub) ? sub : dataDir;
    }
}
