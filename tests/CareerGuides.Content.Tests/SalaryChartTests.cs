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
    public void The_description_names_both_roles_the_axis_and_the_move()
    {
        Assert.Equal(
            "Chart of the salary bands in the table, Data Scientist and Backend Developer on one scale from £0 to £175,000, "
            + "with the typical move marked: from the middle of mid-career Data Scientist pay to the middle of entry Backend Developer pay, "
            + "£65,000 → £32,000 (−51%).",
            Chart.Description);
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

    [Fact]
    public void Guides_with_the_same_axis_and_bands_share_ticks_bars_and_positions_with_the_same_labels()
    {
        // A catalogue of thousands of guides repeats these: one copy is kept, equal to what each guide computes.
        var first = Chart;
        var again = new SalaryComparison(DataScientist, BackendDeveloper, null).Chart;
        var otherWay = new SalaryComparison(BackendDeveloper, DataScientist, null).Chart;

        Assert.Equal(first.AxisMax, otherWay.AxisMax);
        Assert.Equal(first.Ticks, otherWay.Ticks);
        Assert.Equal(["£0", "£25k", "£50k", "£75k", "£100k", "£125k", "£150k", "£175k"], otherWay.Ticks.Select(t => t.Label));
        Assert.Same(first.Groups[1].Bars[0], again.Groups[1].Bars[0]);
        Assert.Same(first.Move, again.Move);

        // The same band on the same axis, on the other side of the chart, is another bar (its side differs).
        var scientistEntry = first.Groups[0].Bars[0];
        var scientistEntryAsTo = otherWay.Groups[0].Bars[1];
        Assert.Equal((ChartSide.From, ChartSide.To), (scientistEntry.Side, scientistEntryAsTo.Side));
        Assert.Equal(scientistEntry.X, scientistEntryAsTo.X);
        Assert.Same(scientistEntry.X, scientistEntryAsTo.X);

        // £50,000 on a £175,000 axis: the mid-career bar's start and the £50k gridline are one position.
        Assert.Equal("28.57%", first.Groups[1].Bars[0].X);
        Assert.Same(first.Groups[1].Bars[0].X, first.Ticks[2].X);
    }

    [Fact]
    public void Charts_built_in_parallel_each_get_their_own_bands_positions()
    {
        // Many distinct bands and axes, built at once as a large catalogue's guides are: every shared position must
        // still be its own band's share of its own axis.
        var roles = Enumerable.Range(0, 40)
            .Select(i => Role($"Role {i}", new(18_000 + (i * 700), 24_000 + (i * 900), false), new(30_000 + (i * 1_100), 45_000 + (i * 1_300), false),
                new(50_000 + (i * 1_700), 70_000 + (i * 2_900), i % 3 == 0)))
            .ToArray();
        var pairs = roles.SelectMany(from => roles.Where(to => to != from).Select(to => (from, to))).ToArray();

        var charts = new SalaryChart[pairs.Length];
        Parallel.For(0, pairs.Length, i => charts[i] = new SalaryComparison(pairs[i].from, pairs[i].to, null).Chart);

        static string Share(double share) => (share * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";
        for (var i = 0; i < pairs.Length; i++)
        {
            var (from, to) = pairs[i];
            var chart = charts[i];
            var bands = new[] { from.Salary.Entry, to.Salary.Entry, from.Salary.MidCareer, to.Salary.MidCareer, from.Salary.Senior, to.Salary.Senior };
            var bars = chart.Groups.SelectMany(g => g.Bars).ToArray();
            Assert.Equal(bands.Select(b => b.Display), bars.Select(b => b.Band));
            Assert.Equal(bands.Select(b => Share((double)b.Min / chart.AxisMax)), bars.Select(b => b.X));
            Assert.Equal(bands.Select(b => Share((double)(b.Max - b.Min) / chart.AxisMax)), bars.Select(b => b.Width));
            Assert.Equal(bands.Select(b => b.OpenEnded ? Share((double)b.Max / chart.AxisMax) : null), bars.Select(b => b.TailX));
            Assert.Equal([from.Title, to.Title, from.Title, to.Title, from.Title, to.Title], bars.Select(b => b.Role));
            Assert.Equal(Share((double)from.Salary.MidCareer.Midpoint / chart.AxisMax), chart.Move.FromX);
            Assert.Equal(Share((double)to.Salary.Entry.Midpoint / chart.AxisMax), chart.Move.ToX);
            Assert.All(chart.Ticks, t => Assert.Equal(Share((double)int.Parse(t.Label.Trim('£', 'k'), System.Globalization.CultureInfo.InvariantCulture) * (t.Label.EndsWith('k') ? 1000 : 1) / chart.AxisMax), t.X));
        }
    }

    private static Role Role(string title, SalaryBand entry, SalaryBand mid, SalaryBand senior) =>
        new(title.ToLowerInvariant().Replace(' ', '-'), "roles/x.md", title, "Technology", "Summary", new SalaryBands(entry, mid, senior),
            new SalarySource("Test", null, new DateOnly(2026, 11, 1)), [], new Utf8Text(""));
}
