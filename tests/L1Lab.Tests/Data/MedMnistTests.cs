using L1Lab.Data;
using static L1Lab.Tests.Data.DataFixtures;

namespace L1Lab.Tests.Data;

public sealed class MedMnistTests
{
    [Fact]
    public void The_shipped_BreastMNIST_loads_546_78_156_images_with_147_malignant_and_399_benign_in_train()
    {
        using var data = MedMnist.LoadBreastMnist(DataPaths.FindDataDirectory());

        Assert.Equal(546, data.Train.Count);
        Assert.Equal(78, data.Validation.Count);
        Assert.Equal(156, data.Test.Count);
        Assert.Equal([147L, 399], data.Train.ClassCounts());
        Assert.Equal([21L, 57], data.Validation.ClassCounts());
        Assert.Equal([42L, 114], data.Test.ClassCounts());
        Assert.Equal([546L, 784], data.Train.Images.shape);
        Assert.Equal(2, data.Train.ClassCount);
        Assert.Equal(28, data.Train.ImageSide);
        Assert.InRange(data.Train.Images.min().item<float>(), 0f, 1f);
        Assert.InRange(data.Train.Images.max().item<float>(), 0f, 1f);
    }

    [Fact]
    public void An_npz_with_column_labels_of_shape_N_by_1_loads_like_the_official_files()
    {
        using var dir = new TempFolder();
        var path = dir.Write("tiny.npz", MedNpz(train: 5, val: 2, test: 3, columnLabels: true));

        using var data = MedMnist.Load(path);

        Assert.Equal([5L], data.Train.Labels.shape);
        Assert.Equal([0L, 1, 0, 1, 0], data.Train.Labels.data<long>().ToArray());
        Assert.Equal(3, data.Test.Count);
        Assert.Equal(2, data.Train.ClassCount);
    }

    [Fact]
    public void Pixels_are_scaled_to_the_unit_interval_and_flattened()
    {
        using var data = MedMnist.Load(new MemoryStream(MedNpz(labelDescr: "<i8")), "tiny.npz");

        Assert.Equal([5L, 784], data.Train.Images.shape);
        Assert.Equal(250f / 255f, data.Train.Images[0, 250].item<float>(), 1e-6f);
        Assert.Equal(0f, data.Train.Images[0, 251].item<float>());
    }

    [Fact]
    public void A_missing_member_gives_DataFileException_naming_the_file_and_member()
    {
        using var dir = new TempFolder();
        var path = dir.Write("tiny.npz", MedNpz(omit: "val_labels"));

        var e = Assert.Throws<DataFileException>(() => MedMnist.Load(path));

        Assert.Equal(path, e.FilePath);
        Assert.Contains("val_labels", e.Reason);
    }

    [Fact]
    public void Float_images_are_rejected_as_the_wrong_dtype()
    {
        var e = Assert.Throws<DataFileException>(() => MedMnist.Load(new MemoryStream(MedNpz(imageDescr: "<f4")), "tiny.npz"));

        Assert.Contains("train_images", e.Reason);
        Assert.Contains("<f4", e.Reason);
    }

    [Fact]
    public void Float_labels_are_rejected_as_the_wrong_dtype()
    {
        var e = Assert.Throws<DataFileException>(() => MedMnist.Load(new MemoryStream(MedNpz(labelDescr: "<f4")), "tiny.npz"));

        Assert.Contains("train_labels", e.Reason);
        Assert.Contains("<f4", e.Reason);
    }

    [Fact]
    public void Labels_and_images_with_different_counts_give_DataFileException()
    {
        var npz = NpzBytes(
            ("train_images", NpyBytes("|u1", [3, 28, 28], new byte[3 * 784])),
            ("train_labels", NpyBytes("|u1", [2], [0, 1])));

        var e = Assert.Throws<DataFileException>(() => MedMnist.Load(new MemoryStream(npz), "tiny.npz"));

        Assert.Contains("2 labels", e.Reason);
        Assert.Contains("3 images", e.Reason);
    }

    [Fact]
    public void A_truncated_member_gives_DataFileException_naming_the_member()
    {
        var npz = NpzBytes(("train_images", NpyBytes("|u1", [3, 28, 28], new byte[100])));

        var e = Assert.Throws<DataFileException>(() => MedMnist.Load(new MemoryStream(npz), "tiny.npz"));

        Assert.Equal("tiny.npz", e.FilePath);
        Assert.Contains("train_images.npy", e.Reason);
        Assert.Contains("truncated", e.Reason);
    }

    [Fact]
    public void A_file_that_is_not_a_zip_gives_DataFileException()
    {
        using var dir = new TempFolder();
        var path = dir.Write("broken.npz", "definitely not a zip archive"u8.ToArray());

        var e = Assert.Throws<DataFileException>(() => MedMnist.Load(path));

        Assert.Equal(path, e.FilePath);
    }

    [Fact]
    public void A_breastmnist_file_with_another_checksum_gives_DataFileException()
    {
        using var dir = new TempFolder();
        var path = dir.Write(MedMnist.BreastMnistFile, MedNpz());

        var e = Assert.Throws<DataFileException>(() => MedMnist.LoadBreastMnist(dir.Path));

        Assert.Equal(path, e.FilePath);
        Assert.Contains("SHA-256 mismatch", e.Reason);
    }

    [Fact]
    public void A_missing_npz_gives_DataFileException_naming_it()
    {
        using var dir = new TempFolder();
        var path = Path.Combine(dir.Path, "absent.npz");

        var e = Assert.Throws<DataFileException>(() => MedMnist.Load(path));

        Assert.Equal(path, e.FilePath);
        Assert.Contains("not found", e.Reason);
    }

    [Fact]
    public void The_shipped_PneumoniaMNIST_loads_4708_524_624_images_with_the_official_class_counts()
    {
        using var data = MedMnist.LoadPneumoniaMnist(DataPaths.FindDataDirectory());

        Assert.Equal(4708, data.Train.Count);
        Assert.Equal(524, data.Validation.Count);
        Assert.Equal(624, data.Test.Count);
        Assert.Equal([1214L, 3494], data.Train.ClassCounts());
        Assert.Equal([135L, 389], data.Validation.ClassCounts());
        Assert.Equal([234L, 390], data.Test.ClassCounts());
        Assert.Equal([4708L, 784], data.Train.Images.shape);
        Assert.Equal(2, data.Train.ClassCount);
        Assert.Equal(28, data.Train.ImageSide);
        Assert.InRange(data.Train.Images.min().item<float>(), 0f, 1f);
        Assert.InRange(data.Train.Images.max().item<float>(), 0f, 1f);
    }

    [Fact]
    public void The_shipped_PneumoniaMNIST_is_the_official_file_with_N_by_1_uint8_labels()
    {
        var path = Path.Combine(DataPaths.FindDataDirectory(), DataPaths.MedMnistFolderName, MedMnist.PneumoniaMnistFile);

        Assert.Equal(4_170_669, new FileInfo(path).Length);
        Assert.Equal("28209eda62fecd6e6a2d98b1501bb15f", Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(File.ReadAllBytes(path))));
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        foreach (var (split, n) in new[] { ("train", 4708L), ("val", 524L), ("test", 624L) })
        {
            using var stream = zip.GetEntry($"{split}_labels.npy")!.Open();
            var header = Npy.ReadHeader(stream, split);
            Assert.Equal("|u1", header.Descr);
            Assert.Equal([n, 1L], header.Shape);
        }
    }

    [Fact]
    public void A_pneumoniamnist_file_with_another_checksum_gives_one_DataFileException_line()
    {
        using var dir = new TempFolder();
        var path = dir.Write(MedMnist.PneumoniaMnistFile, MedNpz(columnLabels: true));

        var e = Assert.Throws<DataFileException>(() => MedMnist.LoadPneumoniaMnist(dir.Path));

        Assert.Equal(path, e.FilePath);
        Assert.Contains("SHA-256 mismatch", e.Reason);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_pneumoniamnist_file_with_other_split_sizes_is_refused_naming_the_sizes()
    {
        using var dir = new TempFolder();
        var path = dir.Write(MedMnist.PneumoniaMnistFile, MedNpz(train: 5, val: 2, test: 3, columnLabels: true));

        var e = Assert.Throws<DataFileException>(() => MedMnist.LoadPneumoniaMnist(dir.Path, verifyChecksum: false));

        Assert.Equal(path, e.FilePath);
        Assert.Contains("5 / 2 / 3", e.Reason);
        Assert.Contains("4,708 / 524 / 624", e.Reason);
    }

    [Fact]
    public void A_missing_pneumoniamnist_file_gives_DataFileException_naming_it()
    {
        using var dir = new TempFolder();

        var e = Assert.Throws<DataFileException>(() => MedMnist.LoadPneumoniaMnist(dir.Path));

        Assert.EndsWith(MedMnist.PneumoniaMnistFile, e.FilePath);
        Assert.Contains("not found", e.Reason);
    }
}
