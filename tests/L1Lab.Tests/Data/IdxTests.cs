using System.Diagnostics;
using L1Lab.Data;
using static L1Lab.Tests.Data.DataFixtures;

namespace L1Lab.Tests.Data;

public sealed class IdxTests
{
    [Fact]
    public void Raw_idx_images_load_flattened_as_floats_scaled_to_unit_range()
    {
        // Given two 2×3 images whose pixels are 0, 51, 102, … (255 included)
        using var dir = new TempFolder();
        var path = dir.Write("images-idx3-ubyte", IdxImages(2, 2, 3, i => (byte)(i * 51 % 256)));

        // When
        using var images = Idx.ReadImages(path);

        // Then: (N, rows·cols) float32, each value the byte / 255
        Assert.Equal([2L, 6L], images.shape);
        Assert.Equal(ScalarType.Float32, images.dtype);
        var expected = Enumerable.Range(0, 12).Select(i => (i * 51 % 256) / 255f).ToArray();
        Assert.Equal(expected, images.data<float>().ToArray(), new FloatTolerance(1e-7f));
    }

    [Fact]
    public void Gzipped_and_raw_files_give_identical_tensors()
    {
        using var dir = new TempFolder();
        var raw = IdxImages(4, 5, 5);
        var rawPath = dir.Write("raw", raw);
        var gzPath = dir.Write("images.gz", Gzip(raw));

        using var a = Idx.ReadImages(rawPath);
        using var b = Idx.ReadImages(gzPath);

        Assert.Equal(a.data<float>().ToArray(), b.data<float>().ToArray());
    }

    [Fact]
    public void Labels_load_as_int64_vector()
    {
        using var dir = new TempFolder();
        var path = dir.Write("labels.gz", Gzip(IdxLabels(5, 0, 4, 9)));

        using var labels = Idx.ReadLabels(path);

        Assert.Equal(ScalarType.Int64, labels.dtype);
        Assert.Equal([5L, 0, 4, 9], labels.data<long>().ToArray());
    }

    [Fact]
    public void A_labels_file_read_as_images_is_rejected_for_its_magic_number()
    {
        using var dir = new TempFolder();
        var path = dir.Write("labels.gz", Gzip(IdxLabels(1, 2, 3)));

        var e = Assert.Throws<DataFileException>(() => Idx.ReadImages(path));

        Assert.Equal(path, e.FilePath);
        Assert.StartsWith(path + ": ", e.Message);
        Assert.Contains("2049", e.Reason);
        Assert.Contains("2051", e.Reason);
    }

    [Fact]
    public void A_file_that_is_not_idx_at_all_is_rejected_for_its_magic_number()
    {
        using var dir = new TempFolder();
        var path = dir.Write("notes.txt", "hello, world"u8.ToArray());

        var e = Assert.Throws<DataFileException>(() => Idx.ReadLabels(path));

        Assert.Contains("not an IDX file", e.Reason);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Truncated_images_give_DataFileException_naming_the_file(bool gzip)
    {
        using var dir = new TempFolder();
        var full = IdxImages(3, 4, 4);
        var cut = full[..(full.Length - 5)];
        var path = dir.Write("cut", gzip ? Gzip(cut) : cut);

        var e = Assert.Throws<DataFileException>(() => Idx.ReadImages(path));

        Assert.Equal(path, e.FilePath);
        Assert.Contains("truncated", e.Reason);
    }

    [Fact]
    public void A_header_cut_short_is_reported_as_truncated()
    {
        using var dir = new TempFolder();
        var path = dir.Write("short", IdxImages(1, 2, 2)[..9]);

        var e = Assert.Throws<DataFileException>(() => Idx.ReadImages(path));

        Assert.Contains("truncated", e.Reason);
    }

    [Fact]
    public void Extra_bytes_after_the_data_are_rejected()
    {
        using var dir = new TempFolder();
        var path = dir.Write("long", [.. IdxLabels(1, 2), 7]);

        var e = Assert.Throws<DataFileException>(() => Idx.ReadLabels(path));

        Assert.Contains("extra bytes", e.Reason);
    }

    [Theory]
    [InlineData(int.MaxValue, false)] // beyond the size limit
    [InlineData(300_000, false)]      // within the limit (235 MB) but the file holds only 16 bytes
    [InlineData(300_000, true)]       // same, gzipped: the buffer grows only as data arrives
    public void A_lying_header_with_a_huge_count_fails_fast_without_allocating(int n, bool gzip)
    {
        using var dir = new TempFolder();
        byte[] lie = [.. IdxHeader(0x0803, n, 28, 28), .. new byte[16]];
        var path = dir.Write("lie", gzip ? Gzip(lie) : lie);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var e = Assert.Throws<DataFileException>(() => Idx.ReadImages(path));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 4 << 20, $"allocated {allocated:N0} bytes");
        Assert.True(clock.ElapsedMilliseconds < 2000, $"took {clock.ElapsedMilliseconds} ms");
        Assert.Equal(path, e.FilePath);
    }

    [Fact]
    public void A_missing_file_gives_DataFileException_naming_it()
    {
        using var dir = new TempFolder();
        var path = Path.Combine(dir.Path, "nope-idx3-ubyte.gz");

        var e = Assert.Throws<DataFileException>(() => Idx.ReadImages(path));

        Assert.Equal(path, e.FilePath);
        Assert.Contains("not found", e.Reason);
    }

    [Fact]
    public void Images_and_labels_with_different_counts_give_DataFileException_naming_the_labels_file()
    {
        using var dir = new TempFolder();
        var images = dir.Write("images", IdxImages(3, 2, 2));
        var labels = dir.Write("labels", IdxLabels(1, 2));

        var e = Assert.Throws<DataFileException>(() => Idx.LoadDataset(images, labels));

        Assert.Equal(labels, e.FilePath);
        Assert.Contains("2 labels", e.Reason);
        Assert.Contains("3 images", e.Reason);
    }

    [Fact]
    public void A_label_outside_the_class_range_is_rejected()
    {
        using var dir = new TempFolder();
        var images = dir.Write("images", IdxImages(2, 2, 2));
        var labels = dir.Write("labels", IdxLabels(1, 10));

        var e = Assert.Throws<DataFileException>(() => Idx.LoadDataset(images, labels, classCount: 10));

        Assert.Contains("label 10 at index 1", e.Reason);
    }

    [Fact]
    public void A_pair_of_small_files_loads_as_a_dataset()
    {
        using var dir = new TempFolder();
        var images = dir.Write("images.gz", Gzip(IdxImages(3, 4, 4)));
        var labels = dir.Write("labels.gz", Gzip(IdxLabels(2, 0, 1)));

        using var set = Idx.LoadDataset(images, labels, classCount: 3);

        Assert.Equal(3, set.Count);
        Assert.Equal(4, set.ImageSide);
        Assert.Equal(3, set.ClassCount);
        Assert.Equal([2L, 0, 1], set.Labels.data<long>().ToArray());
    }

    [Fact]
    public void Non_square_images_are_rejected_by_the_dataset_loader()
    {
        using var dir = new TempFolder();
        var images = dir.Write("images", IdxImages(1, 2, 3));
        var labels = dir.Write("labels", IdxLabels(0));

        var e = Assert.Throws<DataFileException>(() => Idx.LoadDataset(images, labels));

        Assert.Contains("square", e.Reason);
    }

    [Fact]
    public void A_non_seekable_stream_is_read_too()
    {
        var raw = Gzip(IdxLabels(3, 1, 4));

        using var labels = Idx.ReadLabels(new ForwardOnlyStream(raw), "pipe");

        Assert.Equal([3L, 1, 4], labels.data<long>().ToArray());
    }
}

internal sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
{
    public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;
    public int GetHashCode(float obj) => 0;
}

/// <summary>A read-only stream that cannot seek, like a network or pipe stream.</summary>
internal sealed class ForwardOnlyStream(byte[] data) : Stream
{
    private readonly MemoryStream _inner = new(data);
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
