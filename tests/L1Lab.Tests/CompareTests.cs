namespace L1Lab.Tests;

public sealed class CompareTests
{
    [Fact]
    public void Tensors_reports_exact_equality_and_the_largest_difference()
    {
        using var a = tensor(new[] { 1f, 2f, 3f });
        using var b = tensor(new[] { 1f, 2f, 3f });
        using var c = tensor(new[] { 1f, 2.5f, 3f });

        var same = L1Lab.Compare.Tensors("same", a, b);
        var close = L1Lab.Compare.Tensors("close", a, c, tolerance: 0.5);

        Assert.True(same.Exact);
        Assert.Equal(0, same.MaxAbsDifference);
        Assert.False(close.Exact);
        Assert.Equal(0.5, close.MaxAbsDifference, 1e-12);
        Assert.Contains("exact: False", close.ToString());
        Assert.StartsWith("close", close.ToString());
    }

    [Fact]
    public void Tensors_calls_equal_values_of_different_dtypes_not_exact()
    {
        using var a = tensor(new[] { 1f, 2f });
        using var b = tensor(new[] { 1.0, 2.0 });

        var result = L1Lab.Compare.Tensors("float vs double", a, b);

        Assert.False(result.Exact);
        Assert.Equal(0, result.MaxAbsDifference);
    }

    [Fact]
    public void Tensors_throws_naming_the_check_when_the_difference_exceeds_the_tolerance()
    {
        using var a = tensor(new[] { 1f, 2f });
        using var b = tensor(new[] { 1f, 2.001f });

        var error = Assert.Throws<InvalidOperationException>(() => L1Lab.Compare.Tensors("loss by hand", a, b, tolerance: 1e-4));

        Assert.StartsWith("loss by hand:", error.Message);
        Assert.Contains("exceeds", error.Message);
    }

    [Fact]
    public void Tensors_fails_on_NaN_and_on_different_shapes()
    {
        using var a = tensor(new[] { 1f, float.NaN });
        using var b = tensor(new[] { 1f, 2f });
        using var c = tensor(new[] { 1f, 2f, 3f });

        Assert.Throws<InvalidOperationException>(() => L1Lab.Compare.Tensors("nan", a, b, tolerance: 1e9));
        var shapes = Assert.Throws<InvalidOperationException>(() => L1Lab.Compare.Tensors("shapes", b, c));
        Assert.Contains("shapes differ", shapes.Message);
    }
}
