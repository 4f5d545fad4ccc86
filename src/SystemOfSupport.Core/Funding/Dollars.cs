using System.Globalization;

namespace SystemOfSupport.Core.Funding;

/// <summary>Amounts as the funding output words them: <c>$300,000</c>, <c>$566,666.67</c>.</summary>
public static class Dollars
{
    public static string Format(decimal amount) =>
        "$" + amount.ToString(amount == decimal.Truncate(amount) ? "N0" : "N2", CultureInfo.InvariantCulture);
}
