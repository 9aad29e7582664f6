using System.Security.Cryptography;
using System.Text;

namespace L1Lab.Kernel;

/// <summary>
/// Signs and checks Jupyter messages: HMAC-SHA256, keyed by the connection file's key, over the header,
/// parent header, metadata and content frames exactly as sent, written as lowercase hex. Checks run in
/// constant time so the signature cannot be guessed byte by byte. An empty key means signing is off
/// (the protocol's rule): then only an empty signature is accepted.
/// </summary>
public sealed class MessageSigner
{
    readonly byte[] _key;

    /// <summary>A signer for <paramref name="key"/> (the connection file's "key", UTF-8).</summary>
    public MessageSigner(string key) => _key = Encoding.UTF8.GetBytes(key);

    /// <summary>True when the key is empty and messages are neither signed nor checked.</summary>
    public bool Disabled => _key.Length == 0;

    /// <summary>The hex signature of the four frames; empty when signing is off.</summary>
    public string Sign(IReadOnlyList<byte[]> frames)
    {
        if (Disabled) return "";
        return Convert.ToHexStringLower(Compute(frames));
    }

    /// <summary>True when <paramref name="signature"/> is the right one for the frames (compared in constant time).</summary>
    public bool Verify(byte[] signature, IReadOnlyList<byte[]> frames)
    {
        if (Disabled) return signature.Length == 0;
        var expected = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(Compute(frames)));
        // FixedTimeEquals returns early only on a length mismatch, which leaks nothing about the key.
        return CryptographicOperations.FixedTimeEquals(expected, signature);
    }

    byte[] Compute(IReadOnlyList<byte[]> frames)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        foreach (var frame in frames) hmac.AppendData(frame);
        return hmac.GetHashAndReset();
    }
}
