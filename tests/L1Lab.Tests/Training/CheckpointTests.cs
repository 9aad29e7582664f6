using L1Lab.Models;
using L1Lab.Training;

namespace L1Lab.Tests.Training;

public sealed class CheckpointTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("l1lab-checkpoint-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_restores_every_parameter_exactly()
    {
        using var saved = Mlp.Create([6, 5, 3], seed: 1);
        using var restored = Mlp.Create([6, 5, 3], seed: 2);
        var path = Path.Combine(_folder, "model.ckpt");

        Checkpoint.Save(saved, path);
        Checkpoint.Load(restored, path);

        foreach (var ((name, a), (_, b)) in saved.named_parameters().Zip(restored.named_parameters()))
            Assert.True(a.allclose(b, rtol: 0, atol: 0), $"{name} differs after loading");
    }

    [Fact]
    public void Load_of_a_checkpoint_for_another_shape_names_the_parameter()
    {
        using var saved = Mlp.Create([6, 5, 3], seed: 1);
        using var other = Mlp.Create([6, 4, 3], seed: 1);
        var path = Path.Combine(_folder, "model.ckpt");
        Checkpoint.Save(saved, path);

        var error = Assert.Throws<CheckpointException>(() => Checkpoint.Load(other, path));

        Assert.Contains("layers.0.weight", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Load_of_a_flipped_byte_is_a_checksum_error_and_leaves_the_model_unchanged()
    {
        using var saved = Mlp.Create([6, 5, 3], seed: 1);
        using var target = Mlp.Create([6, 5, 3], seed: 2);
        using var before = target.Layers[0].weight!.clone();
        var path = Path.Combine(_folder, "model.ckpt");
        Checkpoint.Save(saved, path);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<CheckpointException>(() => Checkpoint.Load(target, path));

        Assert.Contains("checksum", error.Message);
        Assert.True(before.allclose(target.Layers[0].weight!, rtol: 0, atol: 0));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(40)]
    public void Load_of_a_truncated_or_foreign_file_is_a_clear_error(int length)
    {
        using var saved = Mlp.Create([6, 5, 3], seed: 1);
        var path = Path.Combine(_folder, "model.ckpt");
        Checkpoint.Save(saved, path);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..length]);

        var error = Assert.Throws<CheckpointException>(() => Checkpoint.Load(saved, path));

        Assert.StartsWith(path, error.Message);
    }

    [Fact]
    public void Load_of_random_bytes_is_only_ever_a_checkpoint_error()
    {
        using var model = Mlp.Create([6, 5, 3], seed: 1);
        var path = Path.Combine(_folder, "model.ckpt");
        Checkpoint.Save(model, path);
        var good = File.ReadAllBytes(path);
        var random = new Random(7);
        for (int i = 0; i < 500; i++)
        {
            var bytes = i % 2 == 0 ? Mutate(good, random) : RandomBytes(random);
            File.WriteAllBytes(path, bytes);
            var error = Record.Exception(() => Checkpoint.Load(model, path));
            Assert.True(error is null or CheckpointException, $"input {i}: {error}");
        }
    }

    static byte[] Mutate(byte[] good, Random random)
    {
        var bytes = good[..random.Next(good.Length + 1)];
        for (int k = 0; k < 4 && bytes.Length > 0; k++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        return bytes;
    }

    static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(200)];
        random.NextBytes(bytes);
        if (bytes.Length >= 8 && random.Next(2) == 0) "L1LABCK1"u8.CopyTo(bytes);
        return bytes;
    }
}
