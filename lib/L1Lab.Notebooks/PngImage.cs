namespace L1Lab.Notebooks;

/// <summary>
/// A PNG picture a cell can show: <c>display(new PngImage(bytes, w, h))</c> becomes an image/png output.
/// Any type named PngImage with a <c>byte[] Bytes</c> property, or any type with a <c>byte[] Png</c>
/// property, is shown the same way, so the library can define its own without referencing the engine.
/// </summary>
/// <param name="Bytes">The encoded PNG file.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public sealed record PngImage(byte[] Bytes, int Width, int Height);
