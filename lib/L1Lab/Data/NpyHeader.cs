using static TorchSharp.torch;

namespace L1Lab.Data;

/// <summary>
/// The header of a NumPy <c>.npy</c> array: its dtype string, memory order and shape. Readers check it
/// before touching the data, so a wrong dtype or shape is reported without reading megabytes.
/// </summary>
/// <param name="Descr">NumPy dtype string, e.g. <c>|u1</c> (uint8) or <c>&lt;f4</c> (little-endian float32).</param>
/// <param name="FortranOrder">True for column-major data (not supported by <see cref="Npy.Read(Stream, string)"/>).</param>
/// <param name="Shape">The array's dimensions; empty for a scalar.</param>
public sealed record NpyHeader(string Descr, bool FortranOrder, IReadOnlyList<long> Shape)
{
    /// <summary>The TorchSharp element type for <see cref="Descr"/>, so the data can become a tensor.</summary>
    public ScalarType DType => Npy.DTypeOf(Descr) ?? throw new InvalidOperationException($"unsupported dtype '{Descr}'");

    /// <summary>Bytes per element (1 for <c>|u1</c>, 8 for <c>&lt;i8</c>, …), to compute the data length.</summary>
    public int ItemSize => Npy.ItemSizeOf(Descr);

    /// <summary>Number of elements: the product of <see cref="Shape"/> (1 for a scalar).</summary>
    public long ElementCount => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>The shape in NumPy notation, e.g. <c>(546, 28, 28)</c> or <c>(546,)</c>, for messages.</summary>
    public string ShapeText => Shape.Count == 1 ? $"({Shape[0]},)" : $"({string.Join(", ", Shape)})";
}
