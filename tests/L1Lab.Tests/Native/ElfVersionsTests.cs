using System.Buffers.Binary;
using System.Text;
using L1Lab.Native;

namespace L1Lab.Tests.Native;

/// <summary>
/// <see cref="ElfVersions"/> on a small ELF file built byte by byte from the layout in the ELF and LSB specifications
/// (Elf64_Ehdr, Elf64_Shdr, Elf64_Verneed/Vernaux, Elf64_Verdef/Verdaux), so every expected value is known in advance.
/// </summary>
public sealed class ElfVersionsTests
{
    const uint Strtab = 3, Verneed = 0x6ffffffe, Verdef = 0x6ffffffd;

    /// <summary>
    /// A 64-bit little-endian ELF with a string table, a .gnu.version_r that needs GLIBCXX_3.4 and GLIBCXX_3.4.32
    /// (the second already weak when <paramref name="secondWeak"/>) from libstdc++.so.6 and GLIBC_2.2.5 from libc.so.6,
    /// and a .gnu.version_d that defines the file's own name, GLIBCXX_3.4 and GLIBCXX_3.4.31.
    /// </summary>
    static byte[] Synthetic(bool secondWeak = false)
    {
        var strings = new List<byte> { 0 };
        int Str(string s) { int at = strings.Count; strings.AddRange(Encoding.ASCII.GetBytes(s)); strings.Add(0); return at; }
        int stdcxx = Str("libstdc++.so.6"), libc = Str("libc.so.6"), v34 = Str("GLIBCXX_3.4"), v3432 = Str("GLIBCXX_3.4.32"),
            glibc = Str("GLIBC_2.2.5"), v3431 = Str("GLIBCXX_3.4.31");

        var need = new byte[2 * 16 + 3 * 16];
        void Verneed16(int at, ushort count, int file, uint aux, uint next)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(need.AsSpan(at), 1);
            BinaryPrimitives.WriteUInt16LittleEndian(need.AsSpan(at + 2), count);
            BinaryPrimitives.WriteUInt32LittleEndian(need.AsSpan(at + 4), (uint)file);
            BinaryPrimitives.WriteUInt32LittleEndian(need.AsSpan(at + 8), aux);
            BinaryPrimitives.WriteUInt32LittleEndian(need.AsSpan(at + 12), next);
        }
        void Vernaux16(int at, ushort flags, int name, uint next)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(need.AsSpan(at + 4), flags);
            BinaryPrimitives.WriteUInt32LittleEndian(need.AsSpan(at + 8), (uint)name);
            BinaryPrimitives.WriteUInt32LittleEndian(need.AsSpan(at + 12), next);
        }
        // entry 0 (libstdc++) at 0 with its two aux entries at 16 and 32; entry 1 (libc) at 48 with its aux at 64
        Verneed16(0, 2, stdcxx, 16, 48);
        Vernaux16(16, 0, v34, 16);
        Vernaux16(32, secondWeak ? ElfVersions.VerFlagWeak : (ushort)0, v3432, 0);
        Verneed16(48, 1, libc, 16, 0);
        Vernaux16(64, 0, glibc, 0);

        var def = new byte[3 * (20 + 8)];
        for (int i = 0; i < 3; i++)
        {
            int at = i * 28;
            BinaryPrimitives.WriteUInt16LittleEndian(def.AsSpan(at), 1);
            BinaryPrimitives.WriteUInt16LittleEndian(def.AsSpan(at + 6), 1);
            BinaryPrimitives.WriteUInt32LittleEndian(def.AsSpan(at + 12), 20);
            BinaryPrimitives.WriteUInt32LittleEndian(def.AsSpan(at + 16), i < 2 ? 28u : 0u);
            BinaryPrimitives.WriteUInt32LittleEndian(def.AsSpan(at + 20), (uint)(i switch { 0 => stdcxx, 1 => v34, _ => v3431 }));
        }

        long stringsAt = 64, needAt = stringsAt + strings.Count, defAt = needAt + need.Length, headersAt = defAt + def.Length;
        var elf = new byte[headersAt + 4 * 64];
        "\u007fELF"u8.CopyTo(elf);
        elf[4] = 2; // ELFCLASS64
        elf[5] = 1; // ELFDATA2LSB
        BinaryPrimitives.WriteUInt64LittleEndian(elf.AsSpan(0x28), (ulong)headersAt);
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x3A), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x3C), 4);
        strings.ToArray().CopyTo(elf, stringsAt);
        need.CopyTo(elf, needAt);
        def.CopyTo(elf, defAt);
        void Header(int index, uint type, long offset, long size, uint link, uint info)
        {
            var h = elf.AsSpan((int)headersAt + index * 64);
            BinaryPrimitives.WriteUInt32LittleEndian(h[4..], type);
            BinaryPrimitives.WriteUInt64LittleEndian(h[0x18..], (ulong)offset);
            BinaryPrimitives.WriteUInt64LittleEndian(h[0x20..], (ulong)size);
            BinaryPrimitives.WriteUInt32LittleEndian(h[0x28..], link);
            BinaryPrimitives.WriteUInt32LittleEndian(h[0x2C..], info);
        }
        Header(1, Strtab, stringsAt, strings.Count, 0, 0);
        Header(2, Verneed, needAt, need.Length, 1, 2);
        Header(3, Verdef, defAt, def.Length, 1, 3);
        return elf;
    }

    [Fact]
    public void Needs_lists_every_requirement_per_file_in_order_with_its_weak_flag()
    {
        var needs = ElfVersions.Needs(Synthetic(secondWeak: true), "synthetic.so");

        Assert.Equal(
            [("libstdc++.so.6", "GLIBCXX_3.4", false), ("libstdc++.so.6", "GLIBCXX_3.4.32", true), ("libc.so.6", "GLIBC_2.2.5", false)],
            needs.Select(n => (n.File, n.Name, n.IsWeak)));
    }

    [Fact]
    public void Definitions_lists_the_defined_version_names()
    {
        var defined = ElfVersions.Definitions(Synthetic(), "synthetic.so");

        Assert.Equal(["GLIBCXX_3.4", "GLIBCXX_3.4.31", "libstdc++.so.6"], defined.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_file_without_version_sections_needs_and_defines_nothing()
    {
        var elf = Synthetic();
        for (int i = 2; i <= 3; i++) // turn both version sections into plain PROGBITS
            BinaryPrimitives.WriteUInt32LittleEndian(elf.AsSpan((int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(0x28)) + i * 64 + 4), 1);

        Assert.Empty(ElfVersions.Needs(elf, "plain.so"));
        Assert.Empty(ElfVersions.Definitions(elf, "plain.so"));
    }

    [Fact]
    public void MarkWeak_sets_the_weak_flag_of_exactly_the_chosen_requirement_and_changes_no_other_byte()
    {
        var elf = Synthetic();
        var before = (byte[])elf.Clone();
        var target = ElfVersions.Needs(elf, "synthetic.so").Single(n => n.Name == "GLIBCXX_3.4.32");

        ElfVersions.MarkWeak(elf, [target]);

        Assert.Equal(
            [("GLIBCXX_3.4", false), ("GLIBCXX_3.4.32", true), ("GLIBC_2.2.5", false)],
            ElfVersions.Needs(elf, "synthetic.so").Select(n => (n.Name, n.IsWeak)));
        var changed = Enumerable.Range(0, elf.Length).Where(i => elf[i] != before[i]).ToList();
        Assert.Equal([(int)target.FlagsOffset], changed);
        Assert.Equal(Synthetic(secondWeak: true), elf);
    }

    [Fact]
    public void Every_truncation_is_a_clear_error_naming_the_file()
    {
        var elf = Synthetic();

        for (int length = 0; length < elf.Length; length++)
        {
            var cut = elf[..length];
            var needs = Assert.Throws<InvalidDataException>(() => ElfVersions.Needs(cut, "cut.so"));
            var defs = Assert.Throws<InvalidDataException>(() => ElfVersions.Definitions(cut, "cut.so"));
            Assert.StartsWith("cut.so: ", needs.Message);
            Assert.StartsWith("cut.so: ", defs.Message);
        }
    }

    [Theory]
    [InlineData(0, 0x00, "not an ELF file")]
    [InlineData(4, 1, "only 64-bit little-endian")]
    [InlineData(5, 2, "only 64-bit little-endian")]
    public void Files_it_cannot_read_are_refused_with_the_reason(int at, byte value, string reason)
    {
        var elf = Synthetic();
        elf[at] = value;

        var error = Assert.Throws<InvalidDataException>(() => ElfVersions.Needs(elf, "odd.so"));

        Assert.Equal($"odd.so: {reason}", error.Message[..$"odd.so: {reason}".Length]);
    }

    [Fact]
    public void A_string_offset_past_the_end_is_refused()
    {
        var elf = Synthetic();
        var need = ElfVersions.Needs(elf, "synthetic.so")[0];
        BinaryPrimitives.WriteUInt32LittleEndian(elf.AsSpan((int)need.FlagsOffset + 4), 1_000_000); // vna_name of the first aux entry

        var error = Assert.Throws<InvalidDataException>(() => ElfVersions.Needs(elf, "bad-name.so"));

        Assert.Contains("string offset is outside the file", error.Message);
    }
}
