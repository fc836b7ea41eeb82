using CareerGuides.Content.Diagnostics;
using CareerGuides.Content.Model;
using CareerGuides.Content.Parsing;

namespace CareerGuides.Content.Loading;

/// <summary>Reads one role file into a <see cref="Role"/>, or reports why it cannot be published.</summary>
public static class RoleReader
{
    /// <param name="relativePath">The file's path under the content root.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="today">Today's date, for review-by warnings.</param>
    /// <param name="diagnostics">Where problems go.</param>
    public static Role? Read(string relativePath, string text, DateOnly today, DiagnosticBag diagnostics)
    {
        var slug = Slugs.FromPath(relativePath);
        if (!Slugs.IsValid(slug))
        {
            diagnostics.Error(SourceLocation.FileStart, DiagnosticCodes.InvalidFileName,
                $"The file name '{Path.GetFileName(relativePath)}' is not a valid role slug.", null,
                "Use lower-case letters, digits and single hyphens, e.g. 'data-scientist.md'.");
        }

        var parsed = ContentFileParser.Parse(text, diagnostics);
        if (parsed is null)
        {
            return null;
        }

        var binder = new FrontMatterBinder(diagnostics, parsed.YamlLineOffset);
        var front = binder.Bind<RoleFrontMatter>(parsed.FrontMatter);
        if (front is null)
        {
            return null;
        }

        var salary = front.Salary;
        CheckBand(salary.Entry, "entry", binder, diagnostics);
        CheckBand(salary.MidCareer, "mid_career", binder, diagnostics);
        CheckBand(salary.Senior, "senior", binder, diagnostics);
        if (salary.Entry.Min > salary.MidCareer.Min || salary.MidCareer.Min > salary.Senior.Min)
        {
            diagnostics.Warning(binder.Locate("salary"), DiagnosticCodes.InvalidValue,
                "The salary bands do not rise from entry to mid_career to senior.", "salary",
                "Check that each band's min is not above the next band's min.");
        }

        ReviewDates.Check(front.ReviewBy, today, binder, diagnostics);
        if (diagnostics.HasErrors)
        {
            return null;
        }

        return new Role(
            slug,
            relativePath,
            front.Title,
            front.Sector,
            front.Summary,
            new SalaryBands(ToBand(salary.Entry), ToBand(salary.MidCareer), ToBand(salary.Senior)),
            new SalarySource(front.SalarySource.Name, front.SalarySource.Url, front.SalarySource.Reviewed),
            [.. front.TypicalDay.Select(d => new DayActivity(d.Activity, d.Detail))],
            MarkdownRendering.RenderBlocksUtf8(parsed.Body),
            front.Draft);
    }

    private static SalaryBand ToBand(SalaryBandFrontMatter band) => new(band.Min, band.Max, band.OpenEnded);

    private static void CheckBand(SalaryBandFrontMatter band, string name, FrontMatterBinder binder, DiagnosticBag diagnostics)
    {
        var path = $"salary.{name}";
        if (band.Min <= 0)
        {
            diagnostics.Error(binder.Locate($"{path}.min"), DiagnosticCodes.InvalidValue,
                $"'{path}.min' must be more than 0, but is {band.Min}.", $"{path}.min",
                "Write the yearly salary in pounds, e.g. 32000.");
        }

        if (band.Min > band.Max)
        {
            diagnostics.Error(binder.Locate($"{path}.min"), DiagnosticCodes.MinAboveMax,
                $"'{path}.min' ({band.Min}) is greater than '{path}.max' ({band.Max}).", $"{path}.min",
                "Swap the two numbers, or correct the one that is wrong.");
        }

        if (band.OpenEnded && name != "senior")
        {
            diagnostics.Error(binder.Locate($"{path}.open_ended"), DiagnosticCodes.InvalidValue,
                $"'{path}' cannot be open-ended: only the senior band can.", $"{path}.open_ended",
                $"Remove 'open_ended' from '{path}', or give the band a real upper limit.");
        }
    }

}
