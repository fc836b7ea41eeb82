using System.Globalization;

namespace CareerGuides.Content.Model;

/// <summary>A UK salary band in GBP a year.</summary>
/// <param name="Min">Lower end.</param>
/// <param name="Max">Upper end (never below <paramref name="Min"/>).</param>
/// <param name="OpenEnded">Whether pay goes beyond <paramref name="Max"/>; shown with "+".</param>
public sealed record SalaryBand(int Min, int Max, bool OpenEnded)
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The middle of the band, used to compare bands.</summary>
    public decimal Midpoint => (Min + Max) / 2m;

    /// <summary>The band as readers see it: "£50,000–£80,000", or "£85,000–£150,000+" when open-ended.</summary>
    public string Display => $"{Money(Min)}\u2013{Money(Max)}{(OpenEnded ? "+" : "")}";

    /// <summary>Formats an amount of pounds in en-GB currency without pence: "£50,000".</summary>
    public static string Money(decimal amount) => amount.ToString("C0", EnGb);

    public override string ToString() => Display;
}

/// <summary>A role's entry, mid-career and senior bands.</summary>
public sealed record SalaryBands(SalaryBand Entry, SalaryBand MidCareer, SalaryBand Senior);

/// <summary>Where a role's salary figures come from.</summary>
public sealed record SalarySource(string Name, Uri? Url, DateOnly Reviewed);
