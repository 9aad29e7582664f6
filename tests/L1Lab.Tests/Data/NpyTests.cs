using L1Lab.Data;
using static L1Lab.Tests.Data.DataFixtures;

namespace L1Lab.Tests.Data;

public sealed class NpyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_uint8_array_reads_with_its_shape_and_values(int version)
    {
        var npy = NpyBytes("|u1", [2, 3], [0, 1, 2, 253, 254, 255], version: version);

        using var t = Npy.Read(new MemoryStream(npy), "a.npy");

        Assert.Equal(ScalarType.Byte, t.dtype);
        Assert.Equal([2L, 3], t.shape);
        Assert.Equal(new byte[] { 0, 1, 2, 253, 254, 255 }, t.data<byte>().ToArray());
    }

    [Fact]
    public void Int64_int32_float32_and_float64_arrays_read_with_their_values()
    {
        long[] longs = [-1, 0, long.MaxValue];
        int[] ints = [-7, 42];
        float[] floats = [0.5f, -2.25f];
        double[] doubles = [Math.PI];

        using var l = Npy.Read(new MemoryStream(NpyBytes("<i8", [3], longs.SelectMany(BitConverter.GetBytes).ToArray())), "l");
        using var i = Npy.Read(new MemoryStream(NpyBytes("<i4", [2], ints.SelectMany(BitConverter.GetBytes).ToArray())), "i");
        using var f = Npy.Read(new MemoryStream(NpyBytes("<f4", [1, 2], floats.SelectMany(BitConverter.GetBytes).ToArray())), "f");
        using var d = Npy.Read(new MemoryStream(NpyBytes("<f8", [], doubles.SelectMany(BitConverter.GetBytes).ToArray())), "d");

        Assert.Equal(longs, l.data<long>().ToArray());
        Assert.Equal(ints, i.data<int>().ToArray());
        Assert.Equal([1L, 2], f.shape);
        Assert.Equal(floats, f.data<float>().ToArray());
        Assert.Empty(d.shape);
        Assert.Equal(Math.PI, d.item<double>());
    }

    [Fact]
    public void The_header_is_parsed_without_reading_the_data()
    {
        var npy = NpyBytes("|u1", [546, 28, 28], []);

        var header = Npy.ReadHeader(new MemoryStream(npy), "h.npy");

        Assert.Equal("|u1", header.Descr);
        Assert.False(header.FortranOrder);
        Assert.Equal([546L, 28, 28], header.Shape);
        Assert.Equal(546L * 28 * 28, header.ElementCount);
    }

    [Theory]
    [InlineData(">f4")]
    [InlineData("<c8")]
    [InlineData("<U5")]
    public void An_unsupported_dtype_gives_DataFileException(string descr)
    {
        var npy = NpyBytes(descr, [1], new byte[8]);

        var e = Assert.Throws<DataFileException>(() => Npy.Read(new MemoryStream(npy), "x.npy"));

        Assert.Equal("x.npy", e.FilePath);
        Assert.Contains(descr, e.Reason);
    }

    [Fact]
    public void A_fortran_order_array_gives_DataFileException()
    {
        var npy = NpyBytes("|u1", [2, 2], new byte[4], fortran: true);

        var e = Assert.Throws<DataFileException>(() => Npy.Read(new MemoryStream(npy), "x.npy"));

        Assert.Contains("Fortran", e.Reason);
    }

    [Fact]
    public void Truncated_data_gives_DataFileException()
    {
        var npy = NpyBytes("<f4", [10], new byte[39]);

        var e = Assert.Throws<DataFileException>(() => Npy.Read(new MemoryStream(npy), "x.npy"));

        Assert.Contains("truncated", e.Reason);
    }

    [Fact]
    public void A_file_without_the_numpy_magic_gives_DataFileException()
    {
        var e = Assert.Throws<DataFileException>(() => Npy.Read(new MemoryStream("PK\x03\x04 not npy"u8.ToArray()), "x.npy"));

        Assert.Contains("NUMPY", e.Reason);
    }

    [Theory]
    [InlineData("{'descr': '|u1', 'shape': (2,), }")]
    [InlineData("{'descr': '|u1', 'fortran_order': False, 'shape': (2, -1), }")]
    [InlineData("{'descr': '|u1', 'fortran_order': Maybe, 'shape': (2,), }")]
    [InlineData("{'descr': '|u1', 'fortran_order': False, 'shape': (2,), 'extra': 1}")]
    [InlineData("{'descr': '|u1', 'fortran_order': False, 'shape': (2,)")]
    [InlineData("['descr', '|u1']")]
    public void A_malformed_header_dict_gives_DataFileException(string dict)
    {
        var e = Assert.Throws<DataFileException>(() => Npy.Read(new MemoryStream(NpyWithHeader(dict, [1, 2])), "x.npy"));

        Assert.Equal("x.npy", e.FilePath);
        Assert.StartsWith(".npy header", e.Reason);
    }

    [Fact]
    public void A_header_written_by_python2_with_long_suffixes_parses()
    {
        var npy = NpyWithHeader("{'descr': '<i8', 'fortran_order': False, 'shape': (3L, 1L), }", []);

        var header = Npy.ReadHeader(new MemoryStream(npy), "x.npy");

        Assert.Equal([3L, 1], header.Shape);
    }

    [Fact]
    public void A_lying_shape_fails_before_allocating_the_claimed_size()
    {
        var npy = NpyBytes("<f8", [200_000_000], new byte[8]);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var e = Assert.Throws<DataFileException>(() => Npy.Read(new MemoryStream(npy), "x.npy"));

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20);
        Assert.Contains("limit", e.Reason);
    }
}
