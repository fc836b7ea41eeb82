using CareerGuides.Content.Diagnostics;
using CareerGuides.Content.Parsing;

namespace CareerGuides.Content.Loading;

/// <summary>The review-by date: once it has passed, the file still publishes but validation warns.</summary>
internal static class ReviewDates
{
    /// <summary>
    /// Whether a result parsed on <paramref name="parsedOn"/> is the one a parse on <paramref name="today"/> would give:
    /// the review-by date, if any, is passed on both days or on neither.
    /// </summary>
    public static bool SameOn(DateOnly? reviewBy, DateOnly parsedOn, DateOnly today) =>
        reviewBy is not { } date || (date < parsedOn) == (date < today);

    public static void Check(DateOnly? reviewBy, DateOnly today, FrontMatterBinder binder, DiagnosticBag diagnostics)
    {
        diagnostics.ReviewBy = reviewBy;
        if (reviewBy is { } date && date < today)
        {
            diagnostics.Warning(binder.Locate("review_by"), DiagnosticCodes.ReviewOverdue,
                $"This file was due for review on {date:yyyy-MM-dd}.", "review_by",
                "Check its facts and figures, then set 'review_by' to the next date it should be checked.");
        }
    }
}
