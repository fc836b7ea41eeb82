using System.Collections.Immutable;
using System.Globalization;

namespace CareerGuides.Content.Model;

/// <summary>
/// The salary comparison as a chart: both roles' six bands on one pounds axis, with the typical move (from the middle
/// of the old role's mid-career band to the middle of the new role's entry band) marked. Pure geometry, computed once
/// when the guide loads, for an SVG drawn without a viewBox: horizontal positions are percentages of the chart's
/// width (so it fits any screen and its text keeps its size), vertical ones are pixels. The salary table stays the
/// chart's text alternative.
/// </summary>
/// <param name="Height">The chart's height in pixels.</param>
/// <param name="AxisMax">The right end of the axis, in pounds (the axis starts at £0).</param>
/// <param name="GridTop">Where the gridlines start, in pixels from the top.</param>
/// <param name="GridBottom">Where the gridlines end.</param>
/// <param name="TickLabelY">The baseline of the tick labels.</param>
/// <param name="Ticks">Axis ticks with their gridlines.</param>
/// <param name="Groups">Entry, mid-career and senior, each with one bar per role.</param>
/// <param name="Move">The typical move's arrow.</param>
/// <param name="FromRole">The title of the role being left.</param>
/// <param name="ToRole">The title of the role being moved into.</param>
public sealed record SalaryChart(
    int Height,
    int AxisMax,
    int GridTop,
    int GridBottom,
    int TickLabelY,
    ImmutableArray<ChartTick> Ticks,
    ImmutableArray<ChartGroup> Groups,
    ChartMove Move,
    string FromRole,
    string ToRole)
{
    /// <summary>How far an open-ended band's faded tail reaches past its max, as a share of the axis.</summary>
    public const double OpenEndedTail = 0.05;

    private const int MoveRowHeight = 46;
    private const int GroupLabelHeight = 24;
    private const int RowHeight = 40;
    private const int GroupGap = 10;
    private const int AxisHeight = 26;
    private const int LabelToBar = 6;
    private const int BarHeight = 14;

    private static readonly int[] Steps = [5_000, 10_000, 20_000, 25_000, 50_000, 100_000, 200_000, 250_000, 500_000];

    // Guides share what their charts repeat (see SharedValues): an axis's ticks depend on its end and step only (a
    // few dozen axes in all), a bar on its role's band and the axis, the move on two bands and the axis, and a
    // position is one of at most 10,001 percentages. The capacities are well above what 10,000 guides need.
    private static readonly SharedValues<(int AxisMax, int Step), ImmutableArray<ChartTick>> SharedTicks = new(1_024);
    private static readonly SharedValues<ChartBar> SharedBars = new(16_384);
    private static readonly SharedValues<ChartMove> SharedMoves = new(16_384);
    private static readonly SharedValues<string> SharedPositions = new(16_384);

    public static SalaryChart For(Role from, Role to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);

        // The axis reaches past the highest max (and an open-ended band's tail) to the next round step, with at most 8 steps.
        var bands = new[] { from.Salary.Entry, from.Salary.MidCareer, from.Salary.Senior, to.Salary.Entry, to.Salary.MidCareer, to.Salary.Senior };
        var reach = bands.Max(b => b.Max * (b.OpenEnded ? 1 + OpenEndedTail + 0.03 : 1.0));
        var step = Steps.FirstOrDefault(s => Math.Ceiling(reach / s) <= 8, Steps[^1]);
        var axisMax = (int)Math.Max(step, Math.Ceiling(reach / step) * step);
        string X(decimal pounds) => SharedPositions.Share(Percent((double)pounds / axisMax));

        var y = MoveRowHeight;
        var groups = ImmutableArray.CreateBuilder<ChartGroup>(3);
        foreach (var (level, fromBand, toBand) in new[]
        {
            ("Entry", from.Salary.Entry, to.Salary.Entry),
            ("Mid-career", from.Salary.MidCareer, to.Salary.MidCareer),
            ("Senior", from.Salary.Senior, to.Salary.Senior),
        })
        {
            var labelY = y + 16;
            y += GroupLabelHeight;
            var bars = ImmutableArray.CreateBuilder<ChartBar>(2);
            foreach (var (role, band, side) in new[] { (from, fromBand, ChartSide.From), (to, toBand, ChartSide.To) })
            {
                var barY = y + 16 + LabelToBar;
                var inMove = (level, side) is ("Mid-career", ChartSide.From) or ("Entry", ChartSide.To);
                bars.Add(SharedBars.Share(new ChartBar(
                    side,
                    role.Title,
                    band.Display,
                    y + 14,
                    X(band.Min),
                    Percent((double)(band.Max - band.Min) / axisMax),
                    barY,
                    BarHeight,
                    band.OpenEnded ? X(band.Max) : null,
                    band.OpenEnded ? Percent(OpenEndedTail) : null,
                    inMove ? X(band.Midpoint) : null,
                    barY + (BarHeight / 2))));
                y += RowHeight;
            }

            groups.Add(new ChartGroup(level, labelY, bars.MoveToImmutable()));
            y += GroupGap;
        }

        var height = y + AxisHeight;
        var ticks = SharedTicks.GetOrAdd((axisMax, step), static axis => TicksOf(axis.AxisMax, axis.Step));

        var move = PayChange.Between(from.Salary.MidCareer, to.Salary.Entry);
        var chartMove = SharedMoves.Share(new ChartMove(
            X(move.FromBand.Midpoint),
            X(move.ToBand.Midpoint),
            MoveRowHeight - 12,
            18,
            $"{SalaryBand.Money(move.FromBand.Midpoint)} \u2192 {SalaryBand.Money(move.ToBand.Midpoint)} ({(move.MidpointPercent > 0 ? "+" : move.MidpointPercent < 0 ? "\u2212" : "")}{Math.Abs(move.MidpointPercent)}%)"));

        return new SalaryChart(height, axisMax, MoveRowHeight - 4, height - AxisHeight + 4, height - 6, ticks, groups.MoveToImmutable(), chartMove, from.Title, to.Title);
    }

    /// <summary>What the chart shows in one sentence, its accessible name (the table gives every figure).</summary>
    /// <remarks>
    /// Written when asked (a page is rendered once per content version) rather than kept: a sentence of some 250
    /// characters for each guide was 5.2 MB of a 10,000-guide catalogue's memory.
    /// </remarks>
    public string Description =>
        $"Chart of the salary bands in the table, {FromRole} and {ToRole} on one scale from £0 to {SalaryBand.Money(AxisMax)}, " +
        $"with the typical move marked: from the middle of mid-career {FromRole} pay to the middle of entry {ToRole} pay, {Move.Label}.";

    /// <summary>The gridlines of an axis from £0 to <paramref name="axisMax"/> every <paramref name="step"/> pounds.</summary>
    private static ImmutableArray<ChartTick> TicksOf(int axisMax, int step) =>
        [.. Enumerable.Range(0, (axisMax / step) + 1)
            .Select(i => i * step)
            .Select(value => new ChartTick(
                SharedPositions.Share(Percent((double)value / axisMax)),
                Thousands(value),
                value == 0 ? "start" : value == axisMax ? "end" : "middle"))];

    /// <summary>"£50k", "£150k", "£0".</summary>
    public static string Thousands(int pounds) =>
        pounds == 0 ? "£0" : pounds % 1000 == 0 ? $"£{(pounds / 1000).ToString(CultureInfo.InvariantCulture)}k" : SalaryBand.Money(pounds);

    /// <summary>A share (0–1) as an SVG percentage with at most two decimals: "37.5%".</summary>
    private static string Percent(double share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}

/// <summary>Which role a bar belongs to.</summary>
public enum ChartSide
{
    From,
    To,
}

/// <summary>One gridline and its label.</summary>
/// <param name="X">Horizontal position ("33.33%").</param>
/// <param name="Label">"£50k".</param>
/// <param name="Anchor">The label's text-anchor, so the first and last labels stay inside the chart.</param>
public sealed record ChartTick(string X, string Label, string Anchor);

/// <summary>One salary level with a bar per role.</summary>
/// <param name="Level">"Entry", "Mid-career" or "Senior".</param>
/// <param name="LabelY">The level label's baseline.</param>
/// <param name="Bars">The old role's bar, then the new role's.</param>
public sealed record ChartGroup(string Level, int LabelY, ImmutableArray<ChartBar> Bars);

/// <summary>One band as a bar, with its label line above it (role name on the left, band on the right).</summary>
/// <param name="Side">The role the band belongs to.</param>
/// <param name="Role">The role's title.</param>
/// <param name="Band">The band as readers see it ("£50,000–£80,000").</param>
/// <param name="LabelY">The label line's baseline.</param>
/// <param name="X">Where the bar starts (the band's min).</param>
/// <param name="Width">The bar's width (max less min).</param>
/// <param name="Y">The bar's top.</param>
/// <param name="Height">The bar's height in pixels.</param>
/// <param name="TailX">For an open-ended band, where its faded tail starts (the band's max); otherwise null.</param>
/// <param name="TailWidth">The tail's width.</param>
/// <param name="MoveX">For a band in the typical move, its midpoint, where the move's marker sits; otherwise null.</param>
/// <param name="MoveY">The marker's vertical centre.</param>
public sealed record ChartBar(
    ChartSide Side,
    string Role,
    string Band,
    int LabelY,
    string X,
    string Width,
    int Y,
    int Height,
    string? TailX,
    string? TailWidth,
    string? MoveX,
    int MoveY);

/// <summary>The typical move drawn on the axis: an arrow from the old band's midpoint to the new one's.</summary>
/// <param name="FromX">The middle of the old role's mid-career band.</param>
/// <param name="ToX">The middle of the new role's entry band.</param>
/// <param name="Y">The arrow's vertical position.</param>
/// <param name="LabelY">The label's baseline.</param>
/// <param name="Label">"£65,000 → £32,000 (−51%)".</param>
public sealed record ChartMove(string FromX, string ToX, int Y, int LabelY, string Label);
