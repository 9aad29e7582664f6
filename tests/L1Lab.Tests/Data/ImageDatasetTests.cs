using L1Lab.Data;

namespace L1Lab.Tests.Data;

public sealed class ImageDatasetTests
{
    private static ImageDataset Digits(int n = 6)
    {
        using var scope = NewDisposeScope();
        var images = arange(n * 4, ScalarType.Float32).reshape(n, 4) / (n * 4);
        var labels = arange(n, ScalarType.Int64) % 3;
        return new ImageDataset(images, labels, imageSide: 2, classCount: 3);
    }

    [Fact]
    public void Take_copies_the_first_n_images_and_labels()
    {
        using var all = Digits();

        using var first = all.Take(2);

        Assert.Equal(2, first.Count);
        Assert.Equal(all.Images[..2].data<float>().ToArray(), first.Images.data<float>().ToArray());
        Assert.Equal([0L, 1], first.Labels.data<long>().ToArray());
    }

    [Fact]
    public void Take_survives_disposing_the_full_dataset()
    {
        var all = Digits();
        using var first = all.Take(3);

        all.Dispose();

        Assert.Equal(3, first.Count);
        Assert.Equal(0f, first.Images[0, 0].item<float>());
    }

    [Fact]
    public void Take_more_than_there_are_returns_all()
    {
        using var all = Digits();

        using var many = all.Take(100);

        Assert.Equal(all.Count, many.Count);
    }

    [Fact]
    public void Subset_picks_the_given_images_in_the_given_order()
    {
        using var all = Digits();

        using var some = all.Subset([4, 1, 4]);

        Assert.Equal([1L, 1, 1], some.Labels.data<long>().ToArray());
        Assert.Equal(all.Images[4].data<float>().ToArray(), some.Images[0].data<float>().ToArray());
        Assert.Equal(all.Images[1].data<float>().ToArray(), some.Images[1].data<float>().ToArray());
    }

    [Fact]
    public void Subset_rejects_an_index_outside_the_dataset()
    {
        using var all = Digits();

        Assert.Throws<ArgumentOutOfRangeException>(() => all.Subset([0, 6]));
    }

    [Fact]
    public void Class_counts_count_each_label()
    {
        using var all = Digits(7);

        Assert.Equal([3L, 2, 2], all.ClassCounts());
    }

    [Fact]
    public void The_constructor_rejects_labels_that_do_not_match_the_images()
    {
        using var images = zeros(3, 4);
        using var labels = zeros(2, ScalarType.Int64);

        Assert.Throws<ArgumentException>(() => new ImageDataset(images, labels, 2, 2));
    }

    [Fact]
    public void The_constructor_rejects_images_of_the_wrong_side()
    {
        using var images = zeros(3, 5);
        using var labels = zeros(3, ScalarType.Int64);

        Assert.Throws<ArgumentException>(() => new ImageDataset(images, labels, 2, 2));
    }

    [Fact]
    public void The_dataset_keeps_its_tensors_when_the_scope_that_made_them_ends()
    {
        ImageDataset set;
        using (var scope = NewDisposeScope())
            set = new ImageDataset(ones(2, 4), zeros(2, ScalarType.Int64), 2, 2);

        using (set)
            Assert.Equal(8f, set.Images.sum().item<float>());
    }

    [Fact]
    public void Dispose_frees_both_tensors()
    {
        var set = Digits();

        set.Dispose();

        Assert.True(set.Images.IsInvalid);
        Assert.True(set.Labels.IsInvalid);
    }
}
