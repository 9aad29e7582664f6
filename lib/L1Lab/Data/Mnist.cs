using System.Security.Cryptography;

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
    /// Public mirrors of the original files, tried in order by <see cref="DownloadAsync"/> (the
    /// ones torchvision and TensorFlow use; yann.lecun.com itself no longer serves them reliably).
    /// </summary>
    public static IReadOnlyList<Uri> DefaultMirrors { get; } =
    [
        new("https://ossci-datasets.s3.amazonaws.com/mnist/"),
        new("https://storage.googleapis.com/cvdf-datasets/mnist/"),
    ];

    /// <summary>Largest download accepted per file (the biggest MNIST file is 9.9 MB).</summary>
    public const long MaxDownloadBytes = 64L << 20;

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
                throw new DataFileException(path, "file not found (restore it from git, or fetch it with Mnist.DownloadAsync)");
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

    /// <summary>
    /// Downloads whichever of the four files are missing (opt-in; <see cref="Load"/> never does).
    /// Each file is written to a temporary file in the same folder, its SHA-256 checked, and only
    /// then renamed into place, so an interrupted or corrupted download never leaves a half-written
    /// file. Existing files are left alone.
    /// </summary>
    /// <param name="dataDir">The MNIST folder, or its parent <c>data/</c> folder (created if absent).</param>
    /// <param name="http">Client to use (e.g. with a proxy, or a fake handler in tests); a new one if null.</param>
    /// <param name="mirrors">Base URLs tried in order; <see cref="DefaultMirrors"/> if null.</param>
    /// <param name="cancellationToken">Stops the download; the temporary file is removed.</param>
    /// <returns>The paths of the files that were downloaded.</returns>
    /// <exception cref="DataFileException">A file could not be fetched with the right checksum from any mirror.</exception>
    public static async Task<IReadOnlyList<string>> DownloadAsync(string dataDir, HttpClient? http = null,
        IReadOnlyList<Uri>? mirrors = null, CancellationToken cancellationToken = default)
    {
        var folder = ResolveFolder(dataDir);
        Directory.CreateDirectory(folder);
        mirrors ??= DefaultMirrors;
        var client = http ?? new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        try
        {
            var downloaded = new List<string>();
            foreach (var (file, sha) in Sha256)
            {
                var path = Path.Combine(folder, file);
                if (File.Exists(path)) continue;
                var failures = new List<string>();
                foreach (var mirror in mirrors)
                {
                    var error = await TryDownloadAsync(client, new Uri(mirror, file), path, sha, cancellationToken).ConfigureAwait(false);
                    if (error is null) break;
                    failures.Add($"{mirror}: {error}");
                }
                if (!File.Exists(path))
                    throw new DataFileException(path, $"download failed from every mirror ({string.Join("; ", failures)})");
                downloaded.Add(path);
            }
            return downloaded;
        }
        finally
        {
            if (http is null) client.Dispose();
        }
    }

    /// <summary>Blocking form of <see cref="DownloadAsync"/>, for scripts and the CLI.</summary>
    /// <inheritdoc cref="DownloadAsync" path="/param"/>
    /// <returns>The paths of the files that were downloaded.</returns>
    /// <exception cref="DataFileException">A file could not be fetched with the right checksum from any mirror.</exception>
    public static IReadOnlyList<string> Download(string dataDir, HttpClient? http = null, IReadOnlyList<Uri>? mirrors = null) =>
        DownloadAsync(dataDir, http, mirrors).GetAwaiter().GetResult();

    /// <summary>The folder with the files: <c>dataDir/mnist</c> when that exists, else <paramref name="dataDir"/>.</summary>
    private static string ResolveFolder(string dataDir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDir);
        var sub = Path.Combine(dataDir, DataPaths.MnistFolderName);
        return Directory.Exists(sub) ? sub : dataDir;
    }

    /// <summary>One attempt: stream to a temp file while hashing, check, rename. Returns null on success, else why not.</summary>
    private static async Task<string?> TryDownloadAsync(HttpClient client, Uri uri, string path, string expectedSha, CancellationToken ct)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.part");
        try
        {
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                return $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
            if (response.Content.Headers.ContentLength > MaxDownloadBytes)
                return $"{response.Content.Headers.ContentLength:N0} bytes announced, more than the {MaxDownloadBytes:N0}-byte limit";

            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false))
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                var buffer = new byte[1 << 16];
                long total = 0;
                int n;
                while ((n = await body.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
                {
                    total += n;
                    if (total > MaxDownloadBytes)
                        return $"more than the {MaxDownloadBytes:N0}-byte limit";
                    hash.AppendData(buffer, 0, n);
                    await output.WriteAsync(buffer.AsMemory(0, n), ct).ConfigureAwait(false);
                }
                await output.FlushAsync(ct).ConfigureAwait(false);
            }

            var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (!string.Equals(actual, expectedSha, StringComparison.OrdinalIgnoreCase))
                return $"SHA-256 mismatch (got {actual})";
            File.Move(temp, path, overwrite: false);
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or UnauthorizedAccessException
                                      || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return DataIO.OneLine(e.Message);
        }
        finally
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
