using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.Text;

namespace SystemOfSupport.Formats.LocalIndicators;

/// <summary>
/// Streams the lines of a text file in the state's encodings (UTF-8 or Windows-1252, see
/// <see cref="StateTextEncoding"/>), LF or CRLF, with their 1-based line numbers.
/// </summary>
internal static class TextLines
{
    public static IEnumerable<(int Line, string Text)> Read(string path)
    {
        using (var reader = StateTextEncoding.OpenReader(path))
        {
            var number = 0;
            while (reader.ReadLine() is { } line)
            {
                yield return (++number, line);
            }
        }
    }
}
