using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Cli.Infrastructure;

/// <summary>CDS codes as people type them on the command line.</summary>
public static class CdsCodes
{
    /// <summary>A 14-digit CDS code, or a 7-digit CD code for the LEA's own row.</summary>
    public static CdsCode Parse(string text)
    {
        var t = text.Trim();
        return t.Length == 7 && t.All(char.IsAsciiDigit) ? CdsCode.FromCdCode(t)
            : CdsCode.TryParse(t, out var code) ? code
            : throw new ArgumentException($"--cds '{text}' is not a 14-digit CDS code or a 7-digit CD code");
    }
}
