using System.Globalization;

namespace SystemOfSupport.Core.Rules;

/// <summary>
/// Words written into a span, piece by piece, without making strings: once a piece does not fit, nothing more is
/// written and <see cref="Fits"/> is false (the caller tries again with more room).
/// </summary>
public ref struct SpanText(Span<char> destination)
{
    private readonly Span<char> destination = destination;

    public int Length { get; private set; }

    public bool Fits { get; private set; } = true;

    public void Append(ReadOnlySpan<char> text)
    {
        if (Fits && text.TryCopyTo(destination[Length..]))
        {
            Length += text.Length;
        }
        else
        {
            Fits = false;
        }
    }

    public void Append(int value)
    {
        var n = 0;
        Advance(Fits && value.TryFormat(destination[Length..], out n, default, CultureInfo.InvariantCulture), n);
    }

    public void Append(decimal value)
    {
        var n = 0;
        Advance(Fits && value.TryFormat(destination[Length..], out n, default, CultureInfo.InvariantCulture), n);
    }

    /// <summary>An enum value by its name, as <c>ToString()</c> gives it.</summary>
    public void Append<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var n = 0;
        Advance(Fits && Enum.TryFormat(value, destination[Length..], out n), n);
    }

    private void Advance(bool written, int count)
    {
        if (written)
        {
            Length += count;
        }
        else
        {
            Fits = false;
        }
    }
}
