using System.Buffers.Binary;
using System.Text;

namespace L1Lab.Native;

/// <summary>
/// Reads and edits the symbol-version tables of a 64-bit little-endian ELF shared library:
/// the versions it defines (<c>.gnu.version_d</c>) and the versions it needs from each
/// dependency (<c>.gnu.version_r</c>). This is all L1Lab needs to let TorchSharp's native
/// library load on hosts whose libstdc++ is one release older (see environment.md).
/// </summary>
public static class ElfVersions
{
    const uint ShtGnuVerdef = 0x6ffffffd;
    const uint ShtGnuVerneed = 0x6ffffffe;

    /// <summary>The ELF flag that tells the dynamic linker a missing version is not fatal.</summary>
    public const ushort VerFlagWeak = 0x2;

    /// <summary>One version a library needs from one of its dependencies.</summary>
    /// <param name="File">The dependency, e.g. <c>libstdc++.so.6</c>.</param>
    /// <param name="Name">The version name, e.g. <c>GLIBCXX_3.4.32</c>.</param>
    /// <param name="Flags">The entry's flags; <see cref="VerFlagWeak"/> marks it optional.</param>
    /// <param name="FlagsOffset">Byte offset of the flags field in the file.</param>
    public sealed record Need(string File, string Name, ushort Flags, long FlagsOffset)
    {
        /// <summary>Whether the entry is marked weak (optional).</summary>
        public bool IsWeak => (Flags & VerFlagWeak) != 0;
    }

    /// <summary>The version names a shared library defines (for libstdc++: GLIBCXX_3.4, …).</summary>
    public static IReadOnlySet<string> Definitions(byte[] elf, string fileName)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in Sections(elf, fileName, ShtGnuVerdef))
        {
            long at = section.Offset;
            for (int i = 0; i < section.Info; i++)
            {
                Check(elf, fileName, at, 20);
                ushort count = U16(elf, at + 6);
                uint aux = U32(elf, at + 12), next = U32(elf, at + 16);
                if (count > 0)
                {
                    Check(elf, fileName, at + aux, 8);
                    names.Add(String(elf, fileName, section.Strings, U32(elf, at + aux)));
                }
                if (next == 0) break;
                at += next;
            }
        }
        return names;
    }

    /// <summary>Every version requirement in the library, in file order.</summary>
    public static IReadOnlyList<Need> Needs(byte[] elf, string fileName)
    {
        var needs = new List<Need>();
        foreach (var section in Sections(elf, fileName, ShtGnuVerneed))
        {
            long at = section.Offset;
            for (int i = 0; i < section.Info; i++)
            {
                Check(elf, fileName, at, 16);
                ushort count = U16(elf, at + 2);
                string file = String(elf, fileName, section.Strings, U32(elf, at + 4));
                long aux = at + U32(elf, at + 8);
                for (int j = 0; j < count; j++)
                {
                    Check(elf, fileName, aux, 16);
                    needs.Add(new Need(file, String(elf, fileName, section.Strings, U32(elf, aux + 8)), U16(elf, aux + 4), aux + 4));
                    uint auxNext = U32(elf, aux + 12);
                    if (auxNext == 0) break;
                    aux += auxNext;
                }
                uint next = U32(elf, at + 12);
                if (next == 0) break;
                at += next;
            }
        }
        return needs;
    }

    /// <summary>Marks the given requirements weak in place (the bytes of <paramref name="elf"/> change).</summary>
    public static void MarkWeak(byte[] elf, IEnumerable<Need> needs)
    {
        foreach (var need in needs)
            BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan((int)need.FlagsOffset, 2), (ushort)(need.Flags | VerFlagWeak));
    }

    sealed record Section(long Offset, long Size, uint Info, long Strings);

    static IEnumerable<Section> Sections(byte[] elf, string fileName, uint type)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw Bad(fileName, "not an ELF file");
        if (elf[4] != 2 || elf[5] != 1)
            throw Bad(fileName, "only 64-bit little-endian ELF files are supported");
        long shoff = (long)U64(elf, 0x28);
        int shentsize = U16(elf, 0x3A), shnum = U16(elf, 0x3C);
        if (shentsize < 64) throw Bad(fileName, "section header size is too small");
        Check(elf, fileName, shoff, (long)shentsize * shnum);
        var found = new List<Section>();
        for (int i = 0; i < shnum; i++)
        {
            long h = shoff + (long)i * shentsize;
            if (U32(elf, h + 4) != type) continue;
            long offset = (long)U64(elf, h + 0x18), size = (long)U64(elf, h + 0x20);
            uint link = U32(elf, h + 0x28), info = U32(elf, h + 0x2C);
            Check(elf, fileName, offset, size);
            if (link >= shnum) throw Bad(fileName, "version section links to a missing string table");
            long strings = (long)U64(elf, shoff + (long)link * shentsize + 0x18);
            found.Add(new Section(offset, size, info, strings));
        }
        return found;
    }

    static string String(byte[] elf, string fileName, long table, uint offset)
    {
        long start = table + offset;
        if (start < 0 || start >= elf.Length) throw Bad(fileName, "string offset is outside the file");
        int end = Array.IndexOf(elf, (byte)0, (int)start);
        if (end < 0) throw Bad(fileName, "unterminated string");
        return Encoding.ASCII.GetString(elf, (int)start, end - (int)start);
    }

    static void Check(byte[] elf, string fileName, long offset, long length)
    {
        if (offset < 0 || length < 0 || offset + length > elf.Length)
            throw Bad(fileName, "truncated or corrupt (a table points outside the file)");
    }

    static InvalidDataException Bad(string fileName, string reason) => new($"{fileName}: {reason}.");
    static ushort U16(byte[] b, long at) => BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan((int)at, 2));
    static uint U32(byte[] b, long at) => BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan((int)at, 4));
    static ulong U64(byte[] b, long at) => BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan((int)at, 8));
}
