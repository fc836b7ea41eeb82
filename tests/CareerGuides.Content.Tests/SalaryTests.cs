using CareerGuides.Content.Model;

namespace CareerGuides.Content.Tests;

/// <summary>Salary bands as readers see them, and what a move means for pay, computed from the bands.</summary>
public sealed class SalaryTests
{
    private static readonly SalaryBand DataScientistEntry = new(32000, 45000, false);
    private static readonly SalaryBand DataScientistMid = new(50000, 80000, false);
    private static readonly SalaryBand DataScientistSenior = new(85000, 150000, true);
    private static readonly SalaryBand BackendEntry = new(26000, 38000, false);
    private static readonly SalaryBand BackendMid = new(42000, 65000, false);
    private static readonly SalaryBand BackendSenior = new(70000, 110000, true);

    [Theory]
    [InlineData(50000, 80000, false, "£50,000–£80,000")]
    [InlineData(85000, 150000, true, "£85,000–£150,000+")]
    [InlineData(9500, 12000, false, "£9,500–£12,000")]
    [InlineData(1250000, 2000000, true, "£1,250,000–£2,000,000+")]
    public void Bands_are_shown_in_en_gb_currency_with_an_en_dash(int min, int max, bool openEnded, string expected) =>
        Assert.Equal(expected, new SalaryBand(min, max, openEnded).Display);

    [Fact]
    public void The_typical_move_is_mid_career_in_the_old_role_to_entry_in_the_new()
    {
        var move = PayChange.Between(DataScientistMid, BackendEntry);

        Assert.Equal(-54000, move.Lowest);
        Assert.Equal(-12000, move.Highest);
        Assert.Equal(-51, move.MidpointPercent); // £65,000 to £32,000 at the midpoints: -50.8%
        Assert.True(move.IsCut);
        Assert.Equal("a cut of £12,000 to £54,000 a year", move.RangeText);
        Assert.Equal("51% less", move.PercentText);
    }

    [Fact]
    public void Later_bands_are_compared_like_for_like()
    {
        Assert.Equal("18% less", PayChange.Between(DataScientistMid, BackendMid).PercentText);       // £65,000 vs £53,500
        Assert.Equal("23% less", PayChange.Between(DataScientistSenior, BackendSenior).PercentText); // £117,500 vs £90,000
    }

    [Fact]
    public void A_move_that_pays_more_is_a_rise()
    {
        var move = PayChange.Between(new SalaryBand(30000, 36000, false), new SalaryBand(38000, 45000, false));

        Assert.True(move.IsRise);
        Assert.Equal("a rise of £2,000 to £15,000 a year", move.RangeText);
        Assert.Equal("26% more", move.PercentText); // £33,000 to £41,500 at the midpoints: +25.8%
    }

    [Fact]
    public void A_move_that_may_go_either_way_says_so()
    {
        var move = PayChange.Between(new SalaryBand(30000, 40000, false), new SalaryBand(28000, 45000, false));

        Assert.False(move.IsCut);
        Assert.False(move.IsRise);
        Assert.Equal("anything from a cut of £12,000 to a rise of £15,000 a year", move.RangeText);
        Assert.Equal("4% more", move.PercentText);
    }

    [Fact]
    public void The_comparison_uses_both_roles_bands()
    {
        var from = Role("data-scientist", DataScientistEntry, DataScientistMid, DataScientistSenior);
        var to = Role("backend-developer", BackendEntry, BackendMid, BackendSenior);

        var comparison = new SalaryComparison(from, to, new IntRange(2, 4));

        Assert.Same(DataScientistMid, comparison.TypicalMove.FromBand);
        Assert.Same(BackendEntry, comparison.TypicalMove.ToBand);
        Assert.Same(BackendMid, comparison.MidCareerComparison.ToBand);
        Assert.Same(BackendSenior, comparison.SeniorComparison.ToBand);
        Assert.Equal("2–4", comparison.YearsToMidCareer.ToString());
    }

    private static Role Role(string slug, SalaryBand entry, SalaryBand mid, SalaryBand senior) =>
        new(slug, $"roles/{slug}.md", slug, "Technology", "Summary", new SalaryBands(entry, mid, senior),
            new SalarySource("Test", null, new DateOnly(2026, 11, 1)), [], new Utf8Text(""));
}
