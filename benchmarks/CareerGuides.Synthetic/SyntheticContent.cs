using System.Globalization;
using System.Text;

namespace CareerGuides.Synthetic;

/// <summary>
/// Writes N roles and M guides in the real front-matter schema, with realistic sizes (a guide file is about 8-10 KB:
/// four prose sections, skills, FAQs), deterministically from a seed: the same arguments always write the same
/// bytes. Every file is valid under the site's validator. Used by the benchmarks and the scale tests; never
/// shipped as site content.
/// </summary>
public static class SyntheticContent
{
    private static readonly string[] Fields =
    [
        "Data", "Product", "Marketing", "Finance", "Health", "Retail", "Energy", "Legal", "Logistics", "Education",
        "Security", "Cloud", "Sales", "Research", "Quality", "Design", "People", "Supply Chain", "Policy", "Media",
    ];

    private static readonly string[] Jobs =
    [
        "Analyst", "Manager", "Engineer", "Designer", "Consultant", "Officer", "Specialist", "Coordinator",
        "Administrator", "Architect", "Scientist", "Lead",
    ];

    private static readonly string[] Difficulties = ["straightforward", "moderate", "challenging"];

    private static readonly string[] Headings =
        ["Can you make the move", "Why people make this move", "How realistic is it", "Framing your background in interviews"];

    private static readonly string[] Words =
    [
        "team", "project", "customer", "data", "report", "budget", "stakeholder", "process", "system", "plan",
        "meeting", "deadline", "review", "service", "policy", "model", "release", "quality", "risk", "supplier",
        "contract", "design", "research", "standard", "target", "workshop", "proposal", "forecast", "audit", "brief",
        "practical", "careful", "steady", "clear", "measurable", "regular", "focused", "shared", "structured", "open",
        "builds", "checks", "explains", "plans", "improves", "tracks", "writes", "tests", "leads", "supports",
    ];

    /// <summary>Writes the content into <paramref name="root"/> (roles/ and guides/ are created).</summary>
    /// <returns>The number of roles and guides written.</returns>
    public static (int Roles, int Guides) Write(string root, int roleCount, int guideCount, int seed = 42)
    {
        var maxRoles = Fields.Length * Jobs.Length;
        if (roleCount < 2 || roleCount > maxRoles)
        {
            throw new ArgumentOutOfRangeException(nameof(roleCount), $"Between 2 and {maxRoles} roles.");
        }

        if (guideCount > roleCount * (roleCount - 1))
        {
            throw new ArgumentOutOfRangeException(nameof(guideCount), $"At most {roleCount * (roleCount - 1)} guides for {roleCount} roles.");
        }

        var random = new Random(seed);
        Directory.CreateDirectory(Path.Combine(root, "roles"));
        Directory.CreateDirectory(Path.Combine(root, "guides"));

        var roles = Enumerable.Range(0, roleCount)
            .Select(i => (Field: Fields[i % Fields.Length], Job: Jobs[i / Fields.Length]))
            .Select(r => (Title: $"{r.Field} {r.Job}", Sector: r.Field, Slug: Slug($"{r.Field} {r.Job}")))
            .ToArray();
        foreach (var role in roles)
        {
            File.WriteAllText(Path.Combine(root, "roles", role.Slug + ".md"), Role(role.Title, role.Sector, random));
        }

        // Distinct ordered pairs, spread over all roles: pair k starts from role k mod N and goes k div N + 1 roles on.
        for (var k = 0; k < guideCount; k++)
        {
            var from = roles[k % roleCount];
            var to = roles[(k % roleCount + k / roleCount + 1) % roleCount];
            File.WriteAllText(Path.Combine(root, "guides", $"{from.Slug}-to-{to.Slug}.md"), Guide(from.Slug, to.Slug, from.Title, to.Title, k, random));
        }

        return (roleCount, guideCount);
    }

    private static string Slug(string title) => title.ToLowerInvariant().Replace(' ', '-');

    private static string Role(string title, string sector, Random random)
    {
        var entry = random.Next(20, 35) * 1000;
        var mid = entry + random.Next(10, 25) * 1000;
        var senior = mid + random.Next(15, 40) * 1000;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            ---
            title: {title}
            sector: {sector}
            summary: "{Sentence(random, 12).TrimEnd('.')}"
            salary:
              entry: {Band(entry, random)}
              mid_career: {Band(mid, random)}
              senior: {Band(senior, random, openEnded: true)}
            salary_source:
              name: Synthetic benchmark figures
              reviewed: 2026-11-01
            typical_day:

            """);
        for (var i = 0; i < random.Next(2, 5); i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - activity: \"{Sentence(random, 5).TrimEnd('.')}\"\n    detail: \"{Sentence(random, 20)} {Sentence(random, 14)}\"\n");
        }

        text.Append("---\n");
        text.Append(Paragraphs(random, 3));
        return text.ToString();
    }

    private static string Band(int min, Random random, bool openEnded = false) =>
        string.Create(CultureInfo.InvariantCulture, $"{{ min: {min}, max: {min + random.Next(8, 30) * 1000}{(openEnded ? ", open_ended: true" : "")} }}");

    private static string Guide(string from, string to, string fromTitle, string toTitle, int index, Random random)
    {
        var minMonths = random.Next(3, 12);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            ---
            from: {from}
            to: {to}
            summary: "Guide {index}: moving from {fromTitle} to {toTitle}. {Sentence(random, 10).TrimEnd('.')}"
            timeline_months: {Range(minMonths, minMonths + random.Next(3, 13))}
            difficulty: {Difficulties[random.Next(Difficulties.Length)]}
            years_to_mid_career: {Range(1, random.Next(2, 6))}
            transferable_skills:

            """);
        for (var i = 0; i < random.Next(3, 6); i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - skill: \"{Sentence(random, 3).TrimEnd('.')}\"\n    in_old_role: \"{Sentence(random, 16)}\"\n    in_new_role: \"{Sentence(random, 16)}\"\n");
        }

        text.Append("skills_to_build:\n");
        for (var i = 0; i < random.Next(3, 7); i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - skill: \"{Sentence(random, 3).TrimEnd('.')}\"\n    why: \"{Sentence(random, 18)} {Sentence(random, 8)}\"\n");
        }

        text.Append("faqs:\n");
        for (var i = 0; i < random.Next(5, 9); i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - question: \"{Sentence(random, 9).TrimEnd('.')}?\"\n    answer: |\n      {Sentence(random, 22)} {Sentence(random, 14)}\n");
        }

        text.Append("published: 2026-03-02\nupdated: 2026-11-20\n---\n");
        foreach (var heading in Headings)
        {
            text.Append(CultureInfo.InvariantCulture, $"## {heading}\n\n{Paragraphs(random, random.Next(2, 4))}");
        }

        return text.ToString();
    }

    private static string Range(int min, int max) => string.Create(CultureInfo.InvariantCulture, $"{{ min: {min}, max: {max} }}");

    private static string Paragraphs(Random random, int count)
    {
        var text = new StringBuilder();
        for (var p = 0; p < count; p++)
        {
            for (var s = 0; s < random.Next(3, 5); s++)
            {
                text.Append(Sentence(random, random.Next(10, 20))).Append(' ');
            }

            if (random.Next(4) == 0)
            {
                text.Append("**").Append(Sentence(random, 6).TrimEnd('.')).Append("**.");
            }

            text.Append("\n\n");
        }

        return text.ToString();
    }

    private static string Sentence(Random random, int words)
    {
        var text = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            var word = Words[random.Next(Words.Length)];
            text.Append(i == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word).Append(i == words - 1 ? "." : " ");
        }

        return text.ToString();
    }
}
