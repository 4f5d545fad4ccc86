using System.Text;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Formats.LocalIndicators;

/// <summary>
/// Streams the lines of a text file, decoding each line as UTF-8 when it is valid UTF-8 and as Windows-1252
/// otherwise (CDE's downloads come in both). LF and CRLF line endings; a UTF-8 byte-order mark is skipped.
/// </summary>
internal static class TextLines
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Lazy<Encoding> Windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    /// <summary>Yields (1-based line number, text without its line ending).</summary>
    public static IEnumerable<(int Line, string Text)> Read(string path)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException(path, "cannot be read: " + ex.Message, ex);
        }

        using (stream)
        {
            var buffer = new byte[1 << 16];
            var pending = new MemoryStream();
            var lineNumber = 0;
            var first = true;
            int read;
            while ((read = ReadChunk(path, stream, buffer)) > 0)
            {
                var start = 0;
                if (first)
                {
                    first = false;
                    start = SkipBom(path, buffer, read);
                }

                while (start < read)
                {
                    var newline = Array.IndexOf(buffer, (byte)'\n', start, read - start);
                    if (newline < 0)
                    {
                        pending.Write(buffer, start, read - start);
                        break;
                    }

                    pending.Write(buffer, start, newline - start);
                    start = newline + 1;
                    lineNumber++;
                    yield return (lineNumber, Decode(pending));
                    pending.SetLength(0);
                }
            }

            if (pending.Length > 0)
            {
                lineNumber++;
                yield return (lineNumber, Decode(pending));
            }
        }
    }

    private static int ReadChunk(string path, FileStream stream, byte[] buffer)
    {
        try
        {
            return stream.Read(buffer, 0, buffer.Length);
        }
        catch (IOException ex)
        {
            throw new InputFileException(path, "cannot be read: " + ex.Message, ex);
        }
    }

    private static int SkipBom(string path, byte[] buffer, int count)
    {
        if (count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
        {
            return 3;
        }

        if (count >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)))
        {
            throw new InputFileException(path, 1, null, "is UTF-16 text; save it as UTF-8 (or Windows-1252) text");
        }

        return 0;
    }

    private static string Decode(MemoryStream pending)
    {
        var bytes = pending.GetBuffer().AsSpan(0, (int)pending.Length);
        if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Windows1252.Value.GetString(bytes);
        }
    }
}
