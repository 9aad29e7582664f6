using System.Diagnostics;
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

    private static TempFolder WriteTinyMnist()
    {
        var dir = new TempFolder();
        dir.Write(Mnist.TrainImagesFile, Gzip(IdxImages(3, 28, 28)));
        dir.Write(Mnist.TrainLabelsFile, Gzip(IdxLabels(5, 0, 4)));
        dir.Write(Mnist.TestImagesFile, Gzip(IdxImages(2, 28, 28)));
        dir.Write(Mnist.TestLabelsFile, Gzip(IdxLabels(7, 2)));
        return dir;
    }
}
