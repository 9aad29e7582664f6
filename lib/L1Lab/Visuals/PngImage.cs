using L1Lab.IO;

namespace L1Lab.Visuals;

/// <summary>
/// An encoded PNG file in memory, as made by <see cref="Images"/>. The notebook engine shows any object of a type
/// named <c>PngImage</c> with a <c>byte[] Bytes</c> property as an image/png output, so a cell can simply end with one.
/// </summary>
/// <param name="Bytes">The complete PNG file: signature, IHDR, IDAT and IEND chunks.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public sealed record PngImage(byte[] Bytes, int Width, int Height)
{
    /// <summary>Writes the PNG file to <paramref name="path"/> atomically (readers never see a half-written file).</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.Write(path, s => s.Write(Bytes));
    }
}
