using System.Diagnostics;
using System.Net;
using L1Lab.Data;
using Xunit.Abstractions;
using static L1Lab.Tests.Data.DataFixtures;

namespace L1Lab.Tests.Data;

/// <summary>Loads the real MNIST once for all tests of <see cref="MnistTests"/> and times it.</summary>
public sealed class RealMnist : IDisposable
{
    public RealMnist()
    {
        var clock = Stopwatch.StartNew();
        Data = Mnist.Load(DataPaths.FindDataDirectory());
        LoadTime = clock.Elapsed;
    }

    public TrainTest Data { get; }

    public TimeSpan LoadTime { get; }

    public void Dispose() => Data.Dispose();
}

public sealed class MnistTests(RealMnist mnist, ITestOutputHelper output) : IClassFixture<RealMnist>
{
    [Fact]
    public void The_shipped_mnist_loads_60000_training_and_10000_test_images_of_784_pixels()
    {
        output.WriteLine($"Mnist.Load (checksums + 70,000 images): {mnist.LoadTime.TotalMilliseconds:F0} ms");

        Assert.Equal(60_000, mnist.Data.Train.Count);
        Assert.Equal(10_000, mnist.Data.Test.Count);
        Assert.Equal([60_000L, 784], mnist.Data.Train.Images.shape);
        Assert.Equal(28, mnist.Data.Train.ImageSide);
        Assert.Equal(10, mnist.Data.Train.ClassCount);
    }

    [Fact]
    public void Mnist_pixels_lie_in_the_unit_interval_and_use_all_of_it()
    {
        foreach (var set in new[] { mnist.Data.Train, mnist.Data.Test })
        {
            Assert.Equal(0f, set.Images.min().item<float>());
            Assert.Equal(1f, set.Images.max().item<float>());
        }
    }

    [Fact]
    public void Mnist_labels_are_the_digits_0_to_9_and_the_first_training_label_is_5()
    {
        Assert.Equal(5L, mnist.Data.Train.Labels[0].item<long>());
        Assert.Equal(7L, mnist.Data.Test.Labels[0].item<long>());
        Assert.All(mnist.Data.Train.ClassCounts(), c => Assert.InRange(c, 5_000, 7_000));
        Assert.Equal(60_000, mnist.Data.Train.ClassCounts().Sum());
        Assert.Equal(10_000, mnist.Data.Test.ClassCounts().Sum());
    }

    [Fact]
    public void Reading_all_70000_mnist_images_takes_under_five_seconds_even_on_a_busy_machine()
    {
        var dir = Path.Combine(DataPaths.FindDataDirectory(), DataPaths.MnistFolderName);
        var clock = Stopwatch.StartNew();
        using (var train = Idx.ReadImages(Path.Combine(dir, Mnist.TrainImagesFile)))
        using (var test = Idx.ReadImages(Path.Combine(dir, Mnist.TestImagesFile)))
            output.WriteLine($"Idx.ReadImages of 60,000 + 10,000 images: {clock.ElapsedMilliseconds} ms");

        // Generous bound: the machine is shared; the measured time is printed above.
        Assert.True(clock.ElapsedMilliseconds < 5_000, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void A_file_with_a_different_checksum_gives_DataFileException_naming_it()
    {
        // Given well-formed but different files under the MNIST names
        using var dir = WriteTinyMnist();

        var e = Assert.Throws<DataFileException>(() => Mnist.Load(dir.Path));

        Assert.Equal(Path.Combine(dir.Path, Mnist.TrainImagesFile), e.FilePath);
        Assert.Contains("SHA-256 mismatch", e.Reason);
        Assert.Contains(Mnist.Sha256[Mnist.TrainImagesFile], e.Reason);
    }

    [Fact]
    public void Files_with_other_checksums_load_when_verification_is_off_as_for_fashion_mnist()
    {
        using var dir = WriteTinyMnist();

        using var data = Mnist.Load(dir.Path, verifyChecksums: false);

        Assert.Equal(3, data.Train.Count);
        Assert.Equal(2, data.Test.Count);
    }

    [Fact]
    public void A_missing_mnist_file_gives_DataFileException_naming_it()
    {
        using var dir = WriteTinyMnist();
        File.Delete(Path.Combine(dir.Path, Mnist.TestLabelsFile));

        var e = Assert.Throws<DataFileException>(() => Mnist.Load(dir.Path, verifyChecksums: false));

        Assert.Equal(Path.Combine(dir.Path, Mnist.TestLabelsFile), e.FilePath);
        Assert.Contains("not found", e.Reason);
    }

    [Fact]
    public void A_missing_folder_gives_DataFileException_naming_it()
    {
        using var dir = new TempFolder();
        var missing = Path.Combine(dir.Path, "no-such-folder");

        var e = Assert.Throws<DataFileException>(() => Mnist.Load(missing));

        Assert.Equal(missing, e.FilePath);
    }

    [Fact]
    public void Image_and_label_counts_that_differ_give_DataFileException()
    {
        using var dir = WriteTinyMnist();
        dir.Write(Mnist.TestLabelsFile, Gzip(IdxLabels(1, 2, 3)));

        var e = Assert.Throws<DataFileException>(() => Mnist.Load(dir.Path, verifyChecksums: false));

        Assert.Equal(Path.Combine(dir.Path, Mnist.TestLabelsFile), e.FilePath);
        Assert.Contains("3 labels", e.Reason);
    }

    [Fact]
    public void Download_fetches_missing_files_and_keeps_them_only_when_the_checksum_matches()
    {
        // Given an empty folder and a fake server that serves the real files
        using var dir = new TempFolder();
        var server = new FakeServer(RealFile);

        // When
        var downloaded = Mnist.Download(dir.Path, new HttpClient(server), [new Uri("https://mirror.test/mnist/")]);

        // Then: all four files are in place, byte-identical, and no temporary file is left
        Assert.Equal(4, downloaded.Count);
        foreach (var file in Mnist.Sha256.Keys)
            Assert.Equal(RealFile(file), File.ReadAllBytes(Path.Combine(dir.Path, file)));
        Assert.Equal(4, Directory.GetFiles(dir.Path).Length);
    }

    [Fact]
    public void Download_skips_a_mirror_serving_corrupted_bytes_and_leaves_no_partial_file()
    {
        using var dir = WriteAllButTestLabels();
        var server = new FakeServer(file => file.Contains("bad") ? Corrupt(RealFile(Path.GetFileName(file))) : RealFile(Path.GetFileName(file)));

        Mnist.Download(dir.Path, new HttpClient(server), [new Uri("https://bad.test/mnist/"), new Uri("https://good.test/mnist/")]);

        Assert.Equal(RealFile(Mnist.TestLabelsFile), File.ReadAllBytes(Path.Combine(dir.Path, Mnist.TestLabelsFile)));
        Assert.Equal(2, server.Requests);
        Assert.Equal(4, Directory.GetFiles(dir.Path).Length);
    }

    [Fact]
    public void Download_failing_on_every_mirror_gives_DataFileException_and_writes_nothing()
    {
        using var dir = WriteAllButTestLabels();
        var server = new FakeServer(file => file.Contains("bad") ? Corrupt(RealFile(Path.GetFileName(file))) : null);

        var e = Assert.Throws<DataFileException>(() =>
            Mnist.Download(dir.Path, new HttpClient(server), [new Uri("https://bad.test/mnist/"), new Uri("https://gone.test/mnist/")]));

        Assert.Equal(Path.Combine(dir.Path, Mnist.TestLabelsFile), e.FilePath);
        Assert.Contains("SHA-256 mismatch", e.Reason);
        Assert.Contains("404", e.Reason);
        Assert.Equal(3, Directory.GetFiles(dir.Path).Length);
    }

    [Fact]
    public void A_connection_dropped_mid_download_leaves_no_partial_file()
    {
        using var dir = WriteAllButTestLabels();
        var server = new FakeServer(file => RealFile(Path.GetFileName(file))) { DropAfterBytes = 1000 };

        Assert.Throws<DataFileException>(() =>
            Mnist.Download(dir.Path, new HttpClient(server), [new Uri("https://flaky.test/mnist/")]));

        Assert.Equal(3, Directory.GetFiles(dir.Path).Length);
        Assert.False(File.Exists(Path.Combine(dir.Path, Mnist.TestLabelsFile)));
    }

    [Fact]
    public void Download_leaves_existing_files_alone()
    {
        using var dir = WriteTinyMnist();
        var server = new FakeServer(RealFile);

        var downloaded = Mnist.Download(dir.Path, new HttpClient(server), [new Uri("https://mirror.test/mnist/")]);

        Assert.Empty(downloaded);
        Assert.Equal(0, server.Requests);
    }

    private static byte[] RealFile(string name) =>
        File.ReadAllBytes(Path.Combine(DataPaths.FindDataDirectory(), DataPaths.MnistFolderName, Path.GetFileName(name)));

    private static byte[] Corrupt(byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        copy[copy.Length / 2] ^= 0xFF;
        return copy;
    }

    private static TempFolder WriteTinyMnist()
    {
        var dir = new TempFolder();
        dir.Write(Mnist.TrainImagesFile, Gzip(IdxImages(3, 28, 28)));
        dir.Write(Mnist.TrainLabelsFile, Gzip(IdxLabels(5, 0, 4)));
        dir.Write(Mnist.TestImagesFile, Gzip(IdxImages(2, 28, 28)));
        dir.Write(Mnist.TestLabelsFile, Gzip(IdxLabels(7, 2)));
        return dir;
    }

    /// <summary>Placeholders for three files, so a download test fetches only the 4.5 kB test labels.</summary>
    private static TempFolder WriteAllButTestLabels()
    {
        var dir = new TempFolder();
        foreach (var file in Mnist.Sha256.Keys.Where(f => f != Mnist.TestLabelsFile))
            dir.Write(file, [1, 2, 3]);
        return dir;
    }
}

/// <summary>An HTTP handler that answers from a function of the URL (null = 404), optionally dropping the connection.</summary>
internal sealed class FakeServer(Func<string, byte[]?> content) : HttpMessageHandler
{
    public int Requests { get; private set; }

    public int? DropAfterBytes { get; init; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests++;
        var url = request.RequestUri!.ToString();
        var body = content(url);
        if (body is null) return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        Stream stream = DropAfterBytes is { } n ? new DroppingStream(body, n) : new MemoryStream(body);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(stream) });
    }

    private sealed class DroppingStream(byte[] data, int dropAfter) : Stream
    {
        private int _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => data.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= dropAfter) throw new IOException("connection reset by peer");
            var n = Math.Min(count, Math.Min(dropAfter, data.Length) - _position);
            Array.Copy(data, _position, buffer, offset, n);
            _position += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
