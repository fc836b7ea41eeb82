namespace CareerGuides.Content.Model;

/// <summary>How hard a career move is for a typical person. Written in front matter in lower case.</summary>
public enum Difficulty
{
    Straightforward,
    Moderate,
    Challenging,
}
