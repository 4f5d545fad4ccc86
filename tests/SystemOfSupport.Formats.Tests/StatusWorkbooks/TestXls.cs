using System.Buffers.Binary;
using System.Text;

namespace SystemOfSupport.Formats.Tests.StatusWorkbooks;

/// <summary>
/// Writes a minimal but genuine Excel 97–2003 workbook (<c>.xls</c>): a BIFF8 <c>Workbook</c> stream inside an OLE
/// compound file (MS-CFB version 3, 512-byte sectors), as Excel writes it. There is no .xls writer on this machine
/// (no LibreOffice, and .NET has none), so the legacy-format tests build their files here, following MS-XLS and MS-CFB:
/// <list type="bullet">
/// <item>globals: BOF (workbook), CODEPAGE 1200, one BOUNDSHEET8 per sheet, the shared-string table (SST), EOF;</item>
/// <item>each sheet: BOF (worksheet), DIMENSIONS, a LABELSST cell per string, a NUMBER cell per number, EOF;</item>
/// <item>the stream is padded to 4,096 bytes so that it lives in regular sectors, not the mini stream.</item>
/// </list>
/// Strings go to the SST as UTF-16; numbers (int or double) become NUMBER records; null leaves the cell out.
/// </summary>
internal static class TestXls
{
    private const int SectorSize = 512;
    private const uint FreeSector = 0xFFFFFFFF;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FatSector = 0xFFFFFFFD;
    private const uint NoStream = 0xFFFFFFFF;
    private const int MaxRecordData = 8224;

    public static void Write(string path, params (string Name, object?[][] Rows)[] sheets) =>
        File.WriteAllBytes(path, CompoundFile(Workbook(sheets)));

    /// <summary>The BIFF8 Workbook stream.</summary>
    public static byte[] Workbook((string Name, object?[][] Rows)[] sheets)
    {
        var strings = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        foreach (var (_, rows) in sheets)
        {
            foreach (var value in rows.SelectMany(r => r).OfType<string>())
            {
                total++;
                if (!index.ContainsKey(value))
                {
                    index[value] = strings.Count;
                    strings.Add(value);
                }
            }
        }

        using var globals = new MemoryStream();
        Record(globals, 0x0809, Bof(0x0005));
        Record(globals, 0x0042, U16(1200)); // CODEPAGE: UTF-16
        var boundSheetPositions = new List<long>();
        foreach (var (name, _) in sheets)
        {
            boundSheetPositions.Add(globals.Position + 4);
            var data = new List<byte>();
            data.AddRange(U32(0)); // lbPlyPos, patched below
            data.Add(0); // visible
            data.Add(0); // worksheet
            data.Add(checked((byte)name.Length));
            data.Add(1); // fHighByte: UTF-16
            data.AddRange(Encoding.Unicode.GetBytes(name));
            Record(globals, 0x0085, [.. data]);
        }

        Sst(globals, strings, total);
        Record(globals, 0x000A, []);

        var stream = new MemoryStream();
        globals.Position = 0;
        globals.CopyTo(stream);
        for (var s = 0; s < sheets.Length; s++)
        {
            var start = checked((uint)stream.Position);
            var patch = U32(start);
            var at = stream.Position;
            stream.Position = boundSheetPositions[s];
            stream.Write(patch);
            stream.Position = at;

            var rows = sheets[s].Rows;
            var columns = rows.Length == 0 ? 0 : rows.Max(r => r.Length);
            Record(stream, 0x0809, Bof(0x0010));
            Record(stream, 0x0200, [.. U32(0), .. U32((uint)rows.Length), .. U16(0), .. U16((ushort)columns), .. U16(0)]); // DIMENSIONS
            for (var r = 0; r < rows.Length; r++)
            {
                for (var c = 0; c < rows[r].Length; c++)
                {
                    byte[] cell = [.. U16((ushort)r), .. U16((ushort)c), .. U16(0)];
                    switch (rows[r][c])
                    {
                        case null:
                            break;
                        case string text:
                            Record(stream, 0x00FD, [.. cell, .. U32((uint)index[text])]); // LABELSST
                            break;
                        case int n:
                            Record(stream, 0x0203, [.. cell, .. F64(n)]); // NUMBER
                            break;
                        case double d:
                            Record(stream, 0x0203, [.. cell, .. F64(d)]);
                            break;
                        default:
                            throw new ArgumentException($"unsupported cell value {rows[r][c]}", nameof(sheets));
                    }
                }
            }

            Record(stream, 0x000A, []);
        }

        while (stream.Length < 4096)
        {
            stream.WriteByte(0);
        }

        return stream.ToArray();
    }

    /// <summary>A version-3 compound file holding one stream, <c>Workbook</c>: header, one FAT sector, one directory sector, the stream.</summary>
    public static byte[] CompoundFile(byte[] workbook)
    {
        var streamSectors = (workbook.Length + SectorSize - 1) / SectorSize;
        if (streamSectors > (SectorSize / 4) - 2)
        {
            throw new ArgumentException("the test workbook is too large for one FAT sector", nameof(workbook));
        }

        var file = new byte[SectorSize * (1 + 2 + streamSectors)];
        var header = file.AsSpan(0, SectorSize);
        BinaryPrimitives.WriteUInt64LittleEndian(header, 0xE11AB1A1E011CFD0);
        BinaryPrimitives.WriteUInt16LittleEndian(header[24..], 0x003E); // minor version
        BinaryPrimitives.WriteUInt16LittleEndian(header[26..], 0x0003); // major version
        BinaryPrimitives.WriteUInt16LittleEndian(header[28..], 0xFFFE); // little-endian
        BinaryPrimitives.WriteUInt16LittleEndian(header[30..], 9); // 512-byte sectors
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], 6); // 64-byte mini sectors
        BinaryPrimitives.WriteUInt32LittleEndian(header[44..], 1); // FAT sectors
        BinaryPrimitives.WriteUInt32LittleEndian(header[48..], 1); // first directory sector
        BinaryPrimitives.WriteUInt32LittleEndian(header[56..], 4096); // mini stream cutoff
        BinaryPrimitives.WriteUInt32LittleEndian(header[60..], EndOfChain); // no mini FAT
        BinaryPrimitives.WriteUInt32LittleEndian(header[68..], EndOfChain); // no DIFAT sectors
        BinaryPrimitives.WriteUInt32LittleEndian(header[76..], 0); // the FAT is sector 0
        for (var i = 1; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[(76 + (4 * i))..], FreeSector);
        }

        var fat = file.AsSpan(SectorSize, SectorSize);
        for (var i = 0; i < SectorSize / 4; i++)
        {
            var value = i switch
            {
                0 => FatSector,
                1 => EndOfChain,
                _ when i >= 2 && i < 2 + streamSectors => i == 1 + streamSectors ? EndOfChain : (uint)(i + 1),
                _ => FreeSector,
            };
            BinaryPrimitives.WriteUInt32LittleEndian(fat[(4 * i)..], value);
        }

        var directory = file.AsSpan(2 * SectorSize, SectorSize);
        DirectoryEntry(directory[..128], "Root Entry", 5, child: 1, start: EndOfChain, size: 0);
        DirectoryEntry(directory[128..256], "Workbook", 2, child: NoStream, start: 2, size: (uint)workbook.Length);
        for (var e = 2; e < 4; e++)
        {
            var unused = directory[(128 * e)..(128 * (e + 1))];
            BinaryPrimitives.WriteUInt32LittleEndian(unused[68..], NoStream);
            BinaryPrimitives.WriteUInt32LittleEndian(unused[72..], NoStream);
            BinaryPrimitives.WriteUInt32LittleEndian(unused[76..], NoStream);
        }

        workbook.CopyTo(file.AsSpan(3 * SectorSize));
        return file;
    }

    private static void DirectoryEntry(Span<byte> entry, string name, byte type, uint child, uint start, uint size)
    {
        var nameBytes = Encoding.Unicode.GetBytes(name);
        nameBytes.CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[64..], (ushort)(nameBytes.Length + 2));
        entry[66] = type;
        entry[67] = 1; // black
        BinaryPrimitives.WriteUInt32LittleEndian(entry[68..], NoStream);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[72..], NoStream);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[76..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[116..], start);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[120..], size);
    }

    /// <summary>SST, continued in CONTINUE records when long; a string is never split (it starts a new CONTINUE instead).</summary>
    private static void Sst(MemoryStream stream, List<string> strings, int total)
    {
        var current = new List<byte>();
        current.AddRange(U32((uint)total));
        current.AddRange(U32((uint)strings.Count));
        var id = (ushort)0x00FC;
        foreach (var s in strings)
        {
            byte[] item = [.. U16((ushort)s.Length), 1, .. Encoding.Unicode.GetBytes(s)];
            if (item.Length > MaxRecordData)
            {
                throw new ArgumentException("a test string is too long for one record", nameof(strings));
            }

            if (current.Count + item.Length > MaxRecordData)
            {
                Record(stream, id, [.. current]);
                current.Clear();
                id = 0x003C; // CONTINUE
            }

            current.AddRange(item);
        }

        Record(stream, id, [.. current]);
    }

    private static byte[] Bof(ushort type) =>
        [.. U16(0x0600), .. U16(type), .. U16(0x0DBB), .. U16(0x07CC), .. U32(0x000100C1), .. U32(0x00000406)];

    private static void Record(Stream stream, ushort id, byte[] data)
    {
        stream.Write(U16(id));
        stream.Write(U16(checked((ushort)data.Length)));
        stream.Write(data);
    }

    private static byte[] U16(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] F64(double value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
        return bytes;
    }
}
