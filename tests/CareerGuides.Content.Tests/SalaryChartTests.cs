using CareerGuides.Content.Model;

namespace CareerGuides.Content.Tests;

/// <summary>The salary chart's geometry: six bands on one axis, the typical move marked, computed from the bands.</summary>
public sealed class SalaryChartTests
{
    private static readonly Role DataScientist = Role("Data Scientist", new(32000, 45000, false), new(50000, 80000, false), new(85000, 150000, true));
    private static readonly Role BackendDeveloper = Role("Backend Developer", new(26000, 38000, false), new(42000, 65000, false), new(70000, 110000, true));

    private static SalaryChart Chart => new SalaryComparison(DataScientist, BackendDeveloper, null).Chart;

    [Fact]
    public void The_axis_runs_from_zero_past_the_highest_band_to_a_round_step()
    {
        var chart = Chart;

        // £150,000+ with its open-ended tail reaches about £162,000: the axis ends at £175,000 in £25,000 steps.
        Assert.Equal(175_000, chart.AxisMax);
        Assert.Equal(["£0", "£25k", "£50k", "£75k", "£100k", "£125k", "£150k", "£175k"], chart.Ticks.Select(t => t.Label));
        Assert.Equal("0%", chart.Ticks[0].X);
        Assert.Equal("100%", chart.Ticks[^1].X);
        Assert.Equal("start", chart.Ticks[0].Anchor);
        Assert.Equal("end", chart.Ticks[^1].Anchor);
    }

    [Fact]
    public void Six_bands_each_start_at_min_and_span_to_max_on_the_shared_axis()
    {
        var groups = Chart.Groups;

        Assert.Equal(["Entry", "Mid-career", "Senior"], groups.Select(g => g.Level));
        var bars = groups.SelectMany(g => g.Bars).ToArray();
        Assert.Equal(6, bars.Length);
        Assert.Equal(["Data Scientist", "Backend Developer"], groups[0].Bars.Select(b => b.Role));
        Assert.Equal("28.57%", groups[1].Bars[0].X);      // £50,000 / £175,000
        Assert.Equal("17.14%", groups[1].Bars[0].Width);  // £30,000 / £175,000
        Assert.Equal("£50,000–£80,000", groups[1].Bars[0].Band);
        Assert.All(bars.Zip(bars.Skip(1)), pair => Assert.True(pair.Second.Y > pair.First.Y, "bars go down the chart in order"));
        Assert.True(Chart.Height > bars[^1].Y + bars[^1].Height);
    }

    [Fact]
    public void Open_ended_bands_get_a_tail_beyond_their_max()
    {
        var senior = Chart.Groups[2].Bars[0];

        Assert.Equal("85.71%", senior.TailX);
        Assert.Equal("5%", senior.TailWidth);
        Assert.Null(Chart.Groups[0].Bars[0].TailX);
    }

    [Fact]
    public void The_typical_move_is_marked_from_old_mid_career_to_new_entry_midpoints()
    {
        var chart = Chart;

        var marked = chart.Groups.SelectMany(g => g.Bars.Select(b => (g.Level, Bar: b))).Where(x => x.Bar.MoveX is not null).ToArray();

        Assert.Equal([("Entry", ChartSide.To), ("Mid-career", ChartSide.From)], marked.Select(m => (m.Level, m.Bar.Side)));
        Assert.Equal("37.14%", chart.Move.FromX); // £65,000
        Assert.Equal("18.29%", chart.Move.ToX);   // £32,000
        Assert.Equal("£65,000 → £32,000 (−51%)", chart.Move.Label);
    }

    [Fact]
    public void A_rise_is_labelled_with_a_plus()
    {
        var chart = new SalaryComparison(BackendDeveloper, DataScientist, null).Chart;

        Assert.Equal("£53,500 → £38,500 (−28%)", chart.Move.Label);
        var rise = new SalaryComparison(
            Role("A", new(20000, 24000, false), new(24000, 30000, false), new(30000, 40000, false)),
            Role("B", new(30000, 34000, false), new(36000, 44000, false), new(50000, 60000, false)),
            null).Chart;
        Assert.Equal("£27,000 → £32,000 (+19%)", rise.Move.Label);
        Assert.Equal(60_000, rise.AxisMax); // the highest max, £60,000, is a round step already
    }

    private static Role Role(string title, SalaryBand entry, SalaryBand mid, SalaryBand senior) =>
        new(title.ToLowerInvariant().Replace(' ', '-'), "roles/x.md", title, "Technology", "Summary", new SalaryBands(entry, mid, senior),
            new SalarySource("Test", null, new DateOnly(2026, 11, 1)), [], new Utf8Text(""));
}
