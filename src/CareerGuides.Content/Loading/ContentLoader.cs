namespace CareerGuides.Content.Loading;

/// <summary>Loads a content folder once into a snapshot: the one-shot form of <see cref="ContentBuilder"/>.</summary>
/// <param name="timeProvider">The clock, for scheduled guides and review dates.</param>
/// <param name="includeUnpublished">Whether drafts and scheduled guides are included (as in development).</param>
public sealed class ContentLoader(TimeProvider timeProvider, bool includeUnpublished = false)
{
    public ContentLoader()
        : this(TimeProvider.System)
    {
    }

    /// <exception cref="DirectoryNotFoundException">The content root does not exist.</exception>
    public LoadResult Load(string contentRoot) => new ContentBuilder(contentRoot, timeProvider, includeUnpublished).Build();
}
