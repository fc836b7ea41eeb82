namespace CareerGuides.Content.Tests;

/// <summary>Valid content files to start from; tests change one thing at a time.</summary>
public static class Samples
{
    public static string Role(
        string title,
        (int Min, int Max)? entry = null,
        (int Min, int Max)? mid = null,
        (int Min, int Max)? senior = null) =>
        $$"""
        ---
        title: {{title}}
        sector: Technology
        summary: A one-line summary of the {{title}} role.
        salary:
          entry: {{Band(entry ?? (32000, 45000))}}
          mid_career: {{Band(mid ?? (50000, 80000))}}
          senior: { min: {{(senior ?? (85000, 150000)).Min}}, max: {{(senior ?? (85000, 150000)).Max}}, open_ended: true }
        salary_source:
          name: Test figures
          reviewed: 2026-11-01
        typical_day:
          - activity: First activity
            detail: What the first activity involves.
          - activity: Second activity
            detail: What the second activity involves.
        ---
        The {{title}} overview, with **bold** text.

        """;

    private static string Band((int Min, int Max) band) => $"{{ min: {band.Min}, max: {band.Max} }}";

    public static string Guide(string from, string to) =>
        $$"""
        ---
        from: {{from}}
        to: {{to}}
        summary: How to move from {{from}} to {{to}}.
        timeline_months: { min: 6, max: 12 }
        difficulty: moderate
        years_to_mid_career: { min: 2, max: 4 }
        transferable_skills:
          - skill: Analytical thinking
            in_old_role: Breaking problems down.
            in_new_role: Debugging and design.
        skills_to_build:
          - skill: SQL
            why: Every service stores data.
        faqs:
          - question: How long does it take?
            answer: Six to twelve *months*.
        published: 2026-03-02
        updated: 2026-11-20
        ---
        ## Can you make the move

        Yes, you can.

        ## Why people make this move

        For variety.

        ## How realistic is it

        Quite realistic.

        ## Framing your background in interviews

        Lead with what you bring.

        """;
}
