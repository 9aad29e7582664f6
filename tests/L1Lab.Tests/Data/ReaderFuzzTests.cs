using L1Lab.Data;
using Xunit.Abstractions;
using static L1Lab.Tests.Data.DataFixtures;

namespace L1Lab.Tests.Data;

/// <summary>
/// Feeds each reader a few thousand random and mutated inputs (seeded, so failures reproduce) and
/// checks that the only exception that ever escapes is <see cref="DataFileException"/>.
/// </summary>
public sealed class ReaderFuzzTests(ITestOutputHelper output)
{
    private const int Cases = 2_000;

    [Fact]
    public void The_idx_image_reader_only_ever_throws_DataFileException()
    {
        var raw = IdxImages(3, 4, 4);
        Fuzz(seed: 1, [raw, Gzip(raw)], bytes => { using var t = Idx.ReadImages(new MemoryStream(bytes), "fuzz"); });
    }

    [Fact]
    public void The_idx_label_reader_only_ever_throws_DataFileException()
    {
        var raw = IdxLabels(1, 2, 3, 4, 5);
        Fuzz(seed: 2, [raw, Gzip(raw)], bytes => { using var t = Idx.ReadLabels(new MemoryStream(bytes), "fuzz"); });
    }

    [Fact]
    public void The_npy_reader_only_ever_throws_DataFileException()
    {
        byte[][] seeds =
        [
            NpyBytes("|u1", [2, 3], [1, 2, 3, 4, 5, 6]),
            NpyBytes("<f4", [2], new byte[8], version: 2),
            NpyBytes("<i8", [1, 1], new byte[8]),
        ];
        Fuzz(seed: 3, seeds, bytes => { using var t = Npy.Read(new MemoryStream(bytes), "fuzz"); });
    }

    [Fact]
    public void The_npz_reader_only_ever_throws_DataFileException()
    {
        byte[][] seeds = [MedNpz(train: 2, val: 1, test: 1), MedNpz(train: 1, val: 1, test: 1, columnLabels: true, labelDescr: "<i8")];
        // Also mutate the .npy members before zipping, so the npy checks inside the archive get exercised.
        var random = new Random(40);
        var inner = Enumerable.Range(0, 200).Select(_ =>
        {
            var labels = NpyBytes("|u1", [1], [1]);
            return NpzBytes(("train_images", Mutate(random, NpyBytes("|u1", [1, 28, 28], new byte[784]))), ("train_labels", Mutate(random, labels)),
                            ("val_images", NpyBytes("|u1", [1, 28, 28], new byte[784])), ("val_labels", labels),
                            ("test_images", NpyBytes("|u1", [1, 28, 28], new byte[784])), ("test_labels", labels));
        });
        Fuzz(seed: 4, [.. seeds, .. inner], bytes => { using var d = MedMnist.Load(new MemoryStream(bytes), "fuzz.npz"); });
    }

    private void Fuzz(int seed, byte[][] seeds, Action<byte[]> read)
    {
        var random = new Random(seed);
        int ok = 0, rejected = 0;
        for (var i = 0; i < Cases; i++)
        {
            var input = i < seeds.Length ? seeds[i] : i % 10 == 0 ? RandomBytes(random) : Mutate(random, seeds[random.Next(seeds.Length)]);
            try
            {
                read(input);
                ok++;
            }
            catch (DataFileException e)
            {
                Assert.Equal("fuzz", e.FilePath.Replace(".npz", ""));
                Assert.DoesNotContain('\n', e.Message);
                rejected++;
            }
            catch (Exception e)
            {
                Assert.Fail($"case {i} (seed {seed}): {e.GetType().Name}: {e.Message}\ninput: {Convert.ToHexString(input[..Math.Min(input.Length, 200)])}");
            }
        }
        output.WriteLine($"{ok} accepted, {rejected} rejected with DataFileException");
        Assert.True(rejected > Cases / 2, "the mutations should break most inputs");
        Assert.All(seeds.Take(1), s => read(s)); // the unmutated seeds are valid, so the fuzzing starts from real files
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 300)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Mutate(Random random, byte[] seed)
    {
        var bytes = (byte[])seed.Clone();
        switch (random.Next(5))
        {
            case 0: // flip a few bytes, mostly in the header
                for (var k = random.Next(1, 4); k > 0; k--)
                {
                    var at = random.Next(random.Next(2) == 0 ? Math.Min(bytes.Length, 140) : bytes.Length);
                    bytes[at] = (byte)random.Next(256);
                }
                return bytes;
            case 1: // truncate
                return bytes[..random.Next(bytes.Length)];
            case 2: // append junk
                {
                    var junk = new byte[random.Next(1, 20)];
                    random.NextBytes(junk);
                    return [.. bytes, .. junk];
                }
            case 3: // overwrite a 4-byte word with a large or extreme value (IDX dims, npy lengths, zip sizes)
                {
                    var at = random.Next(Math.Max(1, bytes.Length - 4));
                    var value = random.Next(3) switch { 0 => int.MaxValue, 1 => -1, _ => random.Next() };
                    BitConverter.GetBytes(value).CopyTo(bytes, Math.Min(at, bytes.Length - 4));
                    return bytes;
                }
            default: // cut a slice out of the middle
                {
                    var from = random.Next(bytes.Length);
                    var to = Math.Min(bytes.Length, from + random.Next(1, 16));
                    return [.. bytes[..from], .. bytes[to..]];
                }
        }
    }
}
