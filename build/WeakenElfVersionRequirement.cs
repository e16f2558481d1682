using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

// Marks one symbol-version requirement of ELF64 shared libraries as weak (VER_FLG_WEAK), so the
// dynamic loader accepts a libstdc++ that lacks it. Why: libLibTorchSharp.so 0.107 asks for
// GLIBCXX_3.4.32 (GCC 13) only for std::ios_base_library_init(), which no relocation uses;
// Debian 12 / Ubuntu 22.04 ship up to GLIBCXX_3.4.30. Where the version exists the flag changes nothing.
public sealed class WeakenElfVersionRequirement : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();
    [Required] public string Version { get; set; } = "";

    public override bool Execute()
    {
        foreach (var item in Files)
        {
            var path = item.ItemSpec;
            if (!File.Exists(path)) continue;
            var elf = File.ReadAllBytes(path);
            var changed = Weaken(elf, Version, path);
            if (changed < 0) return false;
            if (changed == 0) continue;
            // Write a new file and move it over the old one: the output copy may be a hard link
            // into the NuGet cache, which must never change.
            var temporary = path + ".weak";
            File.WriteAllBytes(temporary, elf);
            File.Delete(path);
            File.Move(temporary, path);
            Log.LogMessage(MessageImportance.Normal, $"{path}: requirement {Version} marked weak");
        }
        return true;
    }

    // Returns how many requirements were changed, or -1 when the file is not a readable ELF64.
    private int Weaken(byte[] elf, string version, string path)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F' || elf[4] != 2 || elf[5] != 1)
        {
            Log.LogError($"{path}: not a little-endian ELF64 file");
            return -1;
        }
        var sectionTable = (long)BitConverter.ToUInt64(elf, 0x28);
        var sectionSize = BitConverter.ToUInt16(elf, 0x3A);
        var sectionCount = BitConverter.ToUInt16(elf, 0x3C);
        var changed = 0;
        for (var i = 0; i < sectionCount; i++)
        {
            var header = sectionTable + (long)i * sectionSize;
            if (BitConverter.ToUInt32(elf, (int)header + 4) != ShtGnuVerneed) continue;
            var offset = (long)BitConverter.ToUInt64(elf, (int)header + 0x18);
            var strings = StringTableOffset(elf, sectionTable, sectionSize, BitConverter.ToUInt32(elf, (int)header + 0x28));
            var needCount = BitConverter.ToUInt32(elf, (int)header + 0x2C);
            var need = offset;
            for (var n = 0; n < needCount; n++)
            {
                var auxCount = BitConverter.ToUInt16(elf, (int)need + 2);
                var aux = need + BitConverter.ToUInt32(elf, (int)need + 8);
                for (var a = 0; a < auxCount; a++)
                {
                    var name = ReadString(elf, strings + BitConverter.ToUInt32(elf, (int)aux + 8));
                    var flags = BitConverter.ToUInt16(elf, (int)aux + 4);
                    if (name == version && (flags & VerFlagWeak) == 0)
                    {
                        BitConverter.GetBytes((ushort)(flags | VerFlagWeak)).CopyTo(elf, (int)aux + 4);
                        changed++;
                    }
                    aux += BitConverter.ToUInt32(elf, (int)aux + 12);
                }
                need += BitConverter.ToUInt32(elf, (int)need + 12);
            }
        }
        return changed;
    }

    private static long StringTableOffset(byte[] elf, long sectionTable, int sectionSize, uint index) =>
        (long)BitConverter.ToUInt64(elf, (int)(sectionTable + index * sectionSize) + 0x18);

    private static string ReadString(byte[] elf, long offset)
    {
        var end = (int)offset;
        while (elf[end] != 0) end++;
        return Encoding.ASCII.GetString(elf, (int)offset, end - (int)offset);
    }
}
