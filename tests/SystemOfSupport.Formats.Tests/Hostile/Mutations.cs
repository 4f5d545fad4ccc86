using System.IO.Compression;
using System.Text;

namespace SystemOfSupport.Formats.Tests.Hostile;

public enum MutationKind
{
    Truncate,
    FlipByte,
    InsertNul,
    InsertInvalidUtf8,
    InsertFormulaCell,
    InsertLineBreak,
    DeleteSpan,
    DuplicateSpan,
}

/// <summary>One damage to a file's bytes at a relative position (0–1), with a byte to use where the kind needs one.</summary>
public sealed record Mutation(MutationKind Kind, double At, byte Value)
{
    private static readonly byte[] Formula = Encoding.ASCII.GetBytes("=cmd|' /C calc'!A0\t@SUM(A1)\t+1+1\t-2+3");

    public override string ToString() => $"{Kind} at {At:P1} ({Value:X2})";

    public byte[] Apply(byte[] bytes)
    {
        var at = (int)Math.Min(bytes.Length, Math.Floor(At * bytes.Length));
        var span = Math.Min(bytes.Length - at, 1 + (Value * 7));
        return Kind switch
        {
            MutationKind.Truncate => bytes[..at],
            MutationKind.FlipByte when at < bytes.Length => [.. bytes[..at], (byte)(bytes[at] ^ (Value | 1)), .. bytes[(at + 1)..]],
            MutationKind.FlipByte => [.. bytes, Value],
            MutationKind.InsertNul => [.. bytes[..at], 0, .. bytes[at..]],
            MutationKind.InsertInvalidUtf8 => [.. bytes[..at], 0xC3, 0x28, 0xFF, 0xFE, .. bytes[at..]],
            MutationKind.InsertFormulaCell => [.. bytes[..at], .. Formula, .. bytes[at..]],
            MutationKind.InsertLineBreak => [.. bytes[..at], (byte)(Value % 2 == 0 ? '\r' : '\n'), .. bytes[at..]],
            MutationKind.DeleteSpan => [.. bytes[..at], .. bytes[(at + span)..]],
            MutationKind.DuplicateSpan => [.. bytes[..(at + span)], .. bytes[at..]],
            _ => throw new InvalidOperationException($"no mutation {Kind}"),
        };
    }

    /// <summary>
    /// For an xlsx: the damage applied to the XML of its largest part (the data sheet), re-zipped, so that the reader
    /// gets past the zip and meets broken XML; every fourth case damages the zip's own bytes instead.
    /// </summary>
    public byte[] ApplyToWorkbook(byte[] xlsx)
    {
        if (Value % 4 == 0)
        {
            return Apply(xlsx);
        }

        using var input = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var largest = input.Entries.MaxBy(e => e.Length)!.FullName;
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                using var source = entry.Open();
                using var buffer = new MemoryStream();
                source.CopyTo(buffer);
                var content = entry.FullName == largest ? Apply(buffer.ToArray()) : buffer.ToArray();
                using var target = zip.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                target.Write(content);
            }
        }

        return output.ToArray();
    }
}
