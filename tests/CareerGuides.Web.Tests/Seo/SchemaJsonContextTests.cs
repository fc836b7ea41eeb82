using CareerGuides.Web.Seo;
using CareerGuides.Web.Seo.Schema;

namespace CareerGuides.Web.Tests.Seo;

/// <summary>
/// Structured data is serialised with build-time metadata only (no reflection fallback): a schema.org type added to
/// the model but not to <see cref="SchemaJsonContext"/> would fail when a page renders, so every one must be there.
/// </summary>
public sealed class SchemaJsonContextTests
{
    public static TheoryData<Type> SchemaTypes() =>
        [.. typeof(Thing).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Thing)) && !t.IsAbstract).OrderBy(t => t.Name, StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(SchemaTypes))]
    public void Every_schema_org_type_has_generated_metadata(Type type) =>
        Assert.NotNull(SchemaJsonContext.Default.GetTypeInfo(type));

    [Fact]
    public void The_model_has_the_types_the_pages_use() =>
        Assert.True(SchemaTypes().Count >= 12);
}
