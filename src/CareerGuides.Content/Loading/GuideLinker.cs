using CareerGuides.Content.Diagnostics;
using CareerGuides.Content.Model;
using CareerGuides.Content.Parsing;

namespace CareerGuides.Content.Loading;

/// <summary>Resolves a parsed guide's two roles and computes its salary comparison.</summary>
public static class GuideLinker
{
    /// <param name="guide">The parsed guide.</param>
    /// <param name="roles">The roles being served, by slug.</param>
    /// <param name="brokenRoles">Slugs of role files that exist but have errors and no good version to serve.</param>
    /// <param name="diagnostics">Where problems go (the guide's own file).</param>
    public static Guide? Link(
        ParsedGuide guide,
        IReadOnlyDictionary<string, Role> roles,
        IReadOnlySet<string> brokenRoles,
        DiagnosticBag diagnostics)
    {
        var from = ResolveRole(guide.FromSlug, "from", guide.FromAt, roles, brokenRoles, diagnostics);
        var to = ResolveRole(guide.ToSlug, "to", guide.ToAt, roles, brokenRoles, diagnostics);
        if (from is null || to is null)
        {
            return null;
        }

        return new Guide(
            guide.Slug,
            guide.SourcePath,
            from,
            to,
            guide.Summary,
            guide.TimelineMonths,
            guide.Difficulty,
            guide.YearsToMidCareer,
            guide.TransferableSkills,
            guide.SkillsToBuild,
            guide.Faqs,
            guide.Published,
            guide.Updated,
            guide.Sections,
            new SalaryComparison(from, to, guide.YearsToMidCareer),
            guide.Draft,
            guide.RedirectFrom)
        {
            SourceHash = guide.SourceHash,
        };
    }

    private static Role? ResolveRole(
        string roleSlug,
        string field,
        SourceLocation at,
        IReadOnlyDictionary<string, Role> roles,
        IReadOnlySet<string> brokenRoles,
        DiagnosticBag diagnostics)
    {
        if (roles.TryGetValue(roleSlug, out var role))
        {
            return role;
        }

        if (brokenRoles.Contains(roleSlug))
        {
            diagnostics.Error(at, DiagnosticCodes.BrokenRole,
                $"'{field}' names the role '{roleSlug}', whose file has errors, so this guide cannot be published.", field,
                $"Fix the errors reported for 'roles/{roleSlug}.md'; this guide will then be published too.");
            return null;
        }

        var suggestion = FrontMatterBinder.Suggest(roleSlug, roles.Keys.Concat(brokenRoles));
        diagnostics.Error(at, DiagnosticCodes.UnknownRole,
            $"'{field}' names the role '{roleSlug}', which does not exist.", field,
            suggestion is null
                ? $"Use the slug of a file in content/roles/ (its name without '.md'), or add 'roles/{roleSlug}.md'."
                : $"Did you mean '{suggestion}'? Role slugs are the names of the files in content/roles/ without '.md'.");
        return null;
    }
}
