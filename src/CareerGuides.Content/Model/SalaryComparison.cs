namespace CareerGuides.Content.Model;

/// <summary>
/// Both roles' salary bands and what the move means for pay, computed from the role files at load time.
/// Editors never type these figures.
/// </summary>
/// <param name="From">The role being left.</param>
/// <param name="To">The role being moved into.</param>
/// <param name="YearsToMidCareer">How long career changers usually take to reach mid-career pay in the new role, if the guide says.</param>
public sealed record SalaryComparison(Role From, Role To, IntRange? YearsToMidCareer)
{
    /// <summary>The typical move: from mid-career pay in the old role to entry pay in the new one.</summary>
    public PayChange TypicalMove { get; } = PayChange.Between(From.Salary.MidCareer, To.Salary.Entry);

    /// <summary>Mid-career pay in the new role against mid-career pay in the old one.</summary>
    public PayChange MidCareerComparison { get; } = PayChange.Between(From.Salary.MidCareer, To.Salary.MidCareer);

    /// <summary>Senior pay in the new role against senior pay in the old one.</summary>
    public PayChange SeniorComparison { get; } = PayChange.Between(From.Salary.Senior, To.Salary.Senior);

    /// <summary>The six bands drawn on one axis with the typical move marked, laid out once at load time.</summary>
    public SalaryChart Chart { get; } = SalaryChart.For(From, To);
}

/// <summary>The change in pay from one band to another.</summary>
/// <param name="FromBand">The band left behind.</param>
/// <param name="ToBand">The band arrived at.</param>
/// <param name="Lowest">The worst case: the new band's min less the old band's max (negative means less pay).</param>
/// <param name="Highest">The best case: the new band's max less the old band's min.</param>
/// <param name="MidpointPercent">The change between the bands' midpoints, in whole percent, rounded half away from zero.</param>
public sealed record PayChange(SalaryBand FromBand, SalaryBand ToBand, int Lowest, int Highest, int MidpointPercent)
{
    public static PayChange Between(SalaryBand from, SalaryBand to)
    {
        var percent = (to.Midpoint - from.Midpoint) / from.Midpoint * 100m;
        return new PayChange(
            from,
            to,
            to.Min - from.Max,
            to.Max - from.Min,
            (int)Math.Round(percent, MidpointRounding.AwayFromZero));
    }

    /// <summary>Whether every outcome in the range is a cut.</summary>
    public bool IsCut => Highest < 0;

    /// <summary>Whether every outcome in the range is a rise.</summary>
    public bool IsRise => Lowest > 0;

    /// <summary>The range of outcomes in words: "a cut of £12,000 to £54,000 a year".</summary>
    public string RangeText =>
        IsCut ? $"a cut of {SalaryBand.Money(-Highest)} to {SalaryBand.Money(-Lowest)} a year"
        : IsRise ? $"a rise of {SalaryBand.Money(Lowest)} to {SalaryBand.Money(Highest)} a year"
        : $"anything from a cut of {SalaryBand.Money(-Lowest)} to a rise of {SalaryBand.Money(Highest)} a year";

    /// <summary>The midpoint change as a comparison: "51% less than", "12% more than" or "about the same as".</summary>
    public string ComparedText => MidpointPercent == 0 ? "about the same as" : $"{PercentText} than";

    /// <summary>The midpoint change in words: "51% less", "12% more" or "about the same".</summary>
    public string PercentText =>
        MidpointPercent < 0 ? $"{-MidpointPercent}% less"
        : MidpointPercent > 0 ? $"{MidpointPercent}% more"
        : "about the same";
}
