using SystemOfSupport.Formats.StatusWorkbooks;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Formats.Tests.StatusWorkbooks;

/// <summary>A staged file flushed to disk in the background as it grows holds exactly what was written, however written.</summary>
public sealed class StagingFileStreamTests
{
    [Fact]
    public void A_file_past_several_background_flushes_holds_every_byte_in_order()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("big.bin");
        var expected = new MemoryStream();
        var block = new byte[(3 << 20) + 17];
        using (var stream = new StagingFileStream(path))
        {
            // 60 MB: past three background flushes, written as spans, arrays and single bytes.
            for (var i = 0; i < 20; i++)
            {
                Random.Shared.NextBytes(block);
                if (i % 2 == 0)
                {
                    stream.Write(block.AsSpan());
                }
                else
                {
                    stream.Write(block, 0, block.Length);
                }

                stream.WriteByte((byte)i);
                expected.Write(block);
                expected.WriteByte((byte)i);
            }

            stream.Flush(flushToDisk: true);
        }

        File.ReadAllBytes(path).AsSpan().SequenceEqual(expected.ToArray()).ShouldBeTrue();
    }

    [Fact]
    public void An_existing_file_is_not_overwritten()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("taken.bin");
        File.WriteAllText(path, "keep");
        Should.Throw<IOException>(() => new StagingFileStream(path).Dispose());
        File.ReadAllText(path).ShouldBe("keep");
    }
}
