using System.Security.Cryptography;
using System.Text;
using L1Lab.IO;
using static TorchSharp.torch;

namespace L1Lab.Training;

/// <summary>A checkpoint file that cannot be read or does not fit the model.</summary>
public sealed class CheckpointException(string path, string reason) : Exception($"{path}: {reason}")
{
    /// <summary>The checkpoint file.</summary>
    public string FilePath { get; } = path;
}

/// <summary>
/// Saves and loads a model's parameters in a small self-checking format: a magic header, each parameter's
/// name, shape and float32 values, and a SHA-256 of everything before it. Loading checks names, shapes and
/// the hash, so a corrupt or mismatched file is a clear error instead of silently wrong weights.
/// </summary>
public static class Checkpoint
{
    static readonly byte[] Magic = "L1LABCK1"u8.ToArray();
    const int MaxParameters = 100_000;
    const int MaxDims = 8;

    /// <summary>Writes every parameter of <paramref name="model"/> to <paramref name="path"/>, atomically.</summary>
    public static void Save(nn.Module model, string path)
    {
        using var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            var named = model.named_parameters().ToList();
            w.Write(named.Count);
            foreach (var (name, p) in named)
            {
                using var cpu = p.detach().to(float32).cpu().contiguous();
                w.Write(name);
                w.Write((int)cpu.dim());
                foreach (var d in cpu.shape) w.Write(d);
                w.Write(cpu.bytes);
            }
        }
        var hash = SHA256.HashData(payload.GetBuffer().AsSpan(0, (int)payload.Length));
        AtomicFile.Write(path, s => { s.Write(payload.GetBuffer(), 0, (int)payload.Length); s.Write(hash); });
    }

    /// <summary>Loads <paramref name="path"/> into <paramref name="model"/>, whose parameter names and shapes must match.</summary>
    public static void Load(nn.Module model, string path)
    {
        if (!File.Exists(path)) throw new CheckpointException(path, "file not found.");
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < Magic.Length + 4 + 32 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new CheckpointException(path, "not an L1Lab checkpoint (wrong magic number).");
        var body = bytes.AsSpan(0, bytes.Length - 32);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32)))
            throw new CheckpointException(path, "checksum mismatch: the file is truncated or corrupt.");

        var expected = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var values = new Dictionary<string, (long[] Shape, byte[] Data)>();
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes, 0, body.Length), Encoding.UTF8);
            r.ReadBytes(Magic.Length);
            int count = r.ReadInt32();
            if (count is < 0 or > MaxParameters) throw new CheckpointException(path, $"implausible parameter count {count}.");
            for (int i = 0; i < count; i++)
            {
                var name = r.ReadString();
                int dims = r.ReadInt32();
                if (dims is < 0 or > MaxDims) throw new CheckpointException(path, $"parameter '{name}' has implausible rank {dims}.");
                var shape = new long[dims];
                long elements = 1;
                for (int d = 0; d < dims; d++)
                {
                    shape[d] = r.ReadInt64();
                    if (shape[d] < 0) throw new CheckpointException(path, $"parameter '{name}' has a negative dimension.");
                    elements *= shape[d];
                    if (elements * 4 > body.Length) throw new CheckpointException(path, $"parameter '{name}' claims more data than the file holds.");
                }
                values[name] = (shape, r.ReadBytes((int)(elements * 4)));
                if (values[name].Data.Length != elements * 4) throw new CheckpointException(path, $"parameter '{name}' is truncated.");
            }
        }
        catch (EndOfStreamException)
        {
            throw new CheckpointException(path, "the file ends in the middle of a parameter.");
        }

        foreach (var (name, p) in expected)
        {
            if (!values.TryGetValue(name, out var v))
                throw new CheckpointException(path, $"has no parameter '{name}' (the model does not match the checkpoint).");
            if (!v.Shape.SequenceEqual(p.shape))
                throw new CheckpointException(path, $"parameter '{name}' has shape [{string.Join(", ", v.Shape)}], the model expects [{string.Join(", ", p.shape)}].");
        }
        var extra = values.Keys.Except(expected.Keys).ToList();
        if (extra.Count > 0) throw new CheckpointException(path, $"has parameters the model lacks: {string.Join(", ", extra)}.");

        using var scope = NewDisposeScope();
        using var _ = no_grad();
        foreach (var (name, p) in expected)
        {
            var (shape, data) = values[name];
            var loaded = zeros(shape, float32);
            loaded.bytes = data;
            p.copy_(loaded);
        }
    }
}
