using System.Text;

namespace SystemOfSupport.Formats.Text;

/// <summary>
/// The state's files are UTF-8 or Windows-1252 depending on the year. Decoding as UTF-8 and reading any invalid
/// byte as Windows-1252 handles both in one streaming pass, without guessing up front or reading a file twice.
/// </summary>
public static class StateTextEncoding
{
    // Field initializers run before a static constructor's body, so the provider is registered here, first.
    private static readonly Encoding Cp1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>
    /// Opens a text file for streaming in the given encoding (default <see cref="Utf8OrWindows1252"/>; a byte-order
    /// mark wins); a file that cannot be opened is bad input naming the file.
    /// </summary>
    public static StreamReader OpenReader(string path, Encoding? encoding = null)
    {
        try
        {
            return new StreamReader(path, encoding ?? Utf8OrWindows1252, detectEncodingFromByteOrderMarks: true,
                new FileStreamOptions { BufferSize = 1 << 16, Options = FileOptions.SequentialScan });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SystemOfSupport.Core.Domain.InputFileException(path, "cannot be opened: " + ex.Message, ex);
        }
    }

    /// <summary>Opens a file for reading its bytes in sequence; a file that cannot be opened is bad input naming the file.</summary>
    public static FileStream OpenBytes(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SystemOfSupport.Core.Domain.InputFileException(path, "cannot be opened: " + ex.Message, ex);
        }
    }

    /// <summary>UTF-8, with each invalid byte decoded as its Windows-1252 character.</summary>
    public static Encoding Utf8OrWindows1252 { get; } =
        Encoding.GetEncoding("utf-8", EncoderFallback.ExceptionFallback, new Windows1252DecoderFallback());

    private sealed class Windows1252DecoderFallback : DecoderFallback
    {
        public override int MaxCharCount => 4;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

        private sealed class Buffer : DecoderFallbackBuffer
        {
            private readonly char[] chars = new char[8];
            private int count;
            private int next;

            public override int Remaining => count - next;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                count = Cp1252.GetChars(bytesUnknown, 0, bytesUnknown.Length, chars, 0);
                next = 0;
                return count > 0;
            }

            public override char GetNextChar() => next < count ? chars[next++] : '\0';

            public override bool MovePrevious()
            {
                if (next == 0)
                {
                    return false;
                }

                next--;
                return true;
            }

            public override void Reset()
            {
                count = 0;
                next = 0;
            }
        }
    }
}
