namespace CareerGuides.Content.Parsing;

// The front matter exactly as editors write it. The binder fills these from YAML (field names in snake_case);
// ContentLoader turns them into the immutable model in CareerGuides.Content.Model once they are valid.

/// <summary>Front matter of <c>content/roles/&lt;slug&gt;.md</c>.</summary>
public sealed class RoleFrontMatter
{
    [Field("The role's name as readers know it.", Required = true, Example = "Data Scientist")]
    public string Title { get; init; } = "";

    [Field("The sector the role belongs to; roles are grouped by it.", Required = true, Example = "Technology")]
    public string Sector { get; init; } = "";

    [Field("One line describing the role, used in listings and as the page description.", Required = true,
        Example = "Builds statistical models that turn data into decisions.")]
    public string Summary { get; init; } = "";

    [Field("UK salary bands in GBP a year.", Required = true)]
    public SalaryBandsFrontMatter Salary { get; init; } = null!;

    [Field("Where the salary figures come from and when they were last checked.", Required = true)]
    public SalarySourceFrontMatter SalarySource { get; init; } = null!;

    [Field("What the role spends its days on.", Required = true, MinItems = 2, MaxItems = 6)]
    public List<DayActivityFrontMatter> TypicalDay { get; init; } = [];

    [Field("true keeps the role, and every guide from or into it, off the live site; it shows in development with a Draft banner.", Example = "true")]
    public bool Draft { get; init; }

    [Field("When an editor should next check this file (YYYY-MM-DD); once it has passed, validation warns.", Example = "2027-05-01")]
    public DateOnly? ReviewBy { get; init; }
}

/// <summary>The three salary bands of a role.</summary>
public sealed class SalaryBandsFrontMatter
{
    [Field("Pay for someone new to the role.", Required = true, Example = "{ min: 32000, max: 45000 }")]
    public SalaryBandFrontMatter Entry { get; init; } = null!;

    [Field("Pay for an experienced practitioner.", Required = true, Example = "{ min: 50000, max: 80000 }")]
    public SalaryBandFrontMatter MidCareer { get; init; } = null!;

    [Field("Pay at senior level.", Required = true, Example = "{ min: 85000, max: 150000, open_ended: true }")]
    public SalaryBandFrontMatter Senior { get; init; } = null!;
}

/// <summary>One salary band.</summary>
public sealed class SalaryBandFrontMatter
{
    [Field("Lower end of the band in GBP a year, without £ or commas.", Required = true, Example = "50000")]
    public int Min { get; init; }

    [Field("Upper end of the band in GBP a year. Not below min.", Required = true, Example = "80000")]
    public int Max { get; init; }

    [Field("Whether pay can go beyond max (shown with \"+\"). Only the senior band may be open-ended.", Example = "true")]
    public bool OpenEnded { get; init; }
}

/// <summary>Where a role's salary figures come from.</summary>
public sealed class SalarySourceFrontMatter
{
    [Field("The source, said honestly: a survey, a published pay scale, or an editorial estimate.", Required = true,
        Example = "CareerGuides editorial estimate")]
    public string Name { get; init; } = "";

    [Field("A link to the source, if there is one (https://...).", Example = "https://www.example.org/survey")]
    public Uri? Url { get; init; }

    [Field("When an editor last checked the figures against the source (YYYY-MM-DD).", Required = true, Example = "2026-11-01")]
    public DateOnly Reviewed { get; init; }
}

/// <summary>One item of a role's typical day.</summary>
public sealed class DayActivityFrontMatter
{
    [Field("A short name for the activity.", Required = true, Example = "Building and maintaining APIs")]
    public string Activity { get; init; } = "";

    [Field("One or two sentences on what the activity involves.", Required = true)]
    public string Detail { get; init; } = "";
}

/// <summary>Front matter of <c>content/guides/&lt;from&gt;-to-&lt;to&gt;.md</c>.</summary>
public sealed class GuideFrontMatter
{
    [Field("The slug of the role people are leaving; a file in content/roles/.", Required = true, Example = "data-scientist")]
    public string From { get; init; } = "";

    [Field("The slug of the role people are moving into; a file in content/roles/.", Required = true, Example = "backend-developer")]
    public string To { get; init; } = "";

    [Field("One or two sentences shown under the title and used as the page description.", Required = true)]
    public string Summary { get; init; } = "";

    [Field("How long the move usually takes, in months.", Required = true, Example = "{ min: 6, max: 12 }")]
    public RangeFrontMatter TimelineMonths { get; init; } = null!;

    [Field("How hard the move is for a typical person.", Required = true, Example = "moderate")]
    public Model.Difficulty Difficulty { get; init; }

    [Field("How many years career changers usually take to reach mid-career pay in the new role.", Example = "{ min: 2, max: 4 }")]
    public RangeFrontMatter? YearsToMidCareer { get; init; }

    [Field("Skills that carry over from the old role to the new one.", Required = true, MinItems = 1, MaxItems = 8)]
    public List<TransferableSkillFrontMatter> TransferableSkills { get; init; } = [];

    [Field("Skills the new role needs that the old one does not give you.", Required = true, MinItems = 1, MaxItems = 10)]
    public List<SkillToBuildFrontMatter> SkillsToBuild { get; init; } = [];

    [Field("Frequently asked questions with their answers.", Required = true, MinItems = 1, MaxItems = 20)]
    public List<FaqFrontMatter> Faqs { get; init; } = [];

    [Field("When the guide was first published (YYYY-MM-DD).", Required = true, Example = "2026-03-02")]
    public DateOnly Published { get; init; }

    [Field("When the guide was last meaningfully changed (YYYY-MM-DD). Not before published.", Required = true, Example = "2026-11-20")]
    public DateOnly Updated { get; init; }

    [Field("true keeps the guide off the live site; it shows in development with a Draft banner. A published date in the future also keeps it off until that day.", Example = "true")]
    public bool Draft { get; init; }

    [Field("When an editor should next check this guide (YYYY-MM-DD); once it has passed, validation warns.", Example = "2027-05-01")]
    public DateOnly? ReviewBy { get; init; }

    [Field("Old addresses of this guide (site paths such as /guides/old-name). Each answers with a permanent redirect (301) to the guide.", Example = "[ /guides/data-science-to-backend ]")]
    public List<string>? RedirectFrom { get; init; }
}

/// <summary>A whole-number range such as a timeline.</summary>
public sealed class RangeFrontMatter
{
    [Field("The lower end.", Required = true, Example = "6")]
    public int Min { get; init; }

    [Field("The upper end; not below min.", Required = true, Example = "12")]
    public int Max { get; init; }
}

/// <summary>A skill that carries over.</summary>
public sealed class TransferableSkillFrontMatter
{
    [Field("The skill's name.", Required = true, Example = "Analytical thinking")]
    public string Skill { get; init; } = "";

    [Field("How the skill shows in the role being left.", Required = true)]
    public string InOldRole { get; init; } = "";

    [Field("How the skill serves the new role.", Required = true)]
    public string InNewRole { get; init; } = "";
}

/// <summary>A skill to learn.</summary>
public sealed class SkillToBuildFrontMatter
{
    [Field("The skill's name.", Required = true, Example = "Python or Node.js")]
    public string Skill { get; init; } = "";

    [Field("Why the new role needs it.", Required = true)]
    public string Why { get; init; } = "";
}

/// <summary>A frequently asked question.</summary>
public sealed class FaqFrontMatter
{
    [Field("The question, as a reader would ask it.", Required = true)]
    public string Question { get; init; } = "";

    [Field("The answer, in Markdown.", Required = true)]
    public string Answer { get; init; } = "";
}
