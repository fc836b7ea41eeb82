using CareerGuides.Content.Diagnostics;
using CareerGuides.Content.Parsing;

namespace CareerGuides.Content.Loading;

/// <summary>The review-by date: once it has passed, the file still publishes but validation warns.</summary>
internal static class ReviewDates
{
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
