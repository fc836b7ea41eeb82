using System.Text.Json;
using AngleSharp;
using AngleSharp.Dom;
using CareerGuides.Content.Loading;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CareerGuides.Web.Tests.Seo;

/// <summary>Requests with chosen methods and headers, JSON-LD and content helpers for the SEO tests.</summary>
internal static class SeoTestSupport
{
    /// <summary>One page of each published type, as the theories' data.</summary>
    public static TheoryData<string> PageTypes => new()
    {
        "/",
        "/roles",
        "/roles/data-scientist",
        "/guides/data-scientist-to-backend-developer",
    };

    /// <summary>The bundled content, loaded on its own as the oracle for what the site should say.</summary>
    public static ContentSnapshot Content { get; } = new ContentLoader().Load(RepositoryPaths.Content).Snapshot;

    public static async Task<HttpResponseMessage> SendAsync(this SiteFactory site, HttpMethod method, string path, Action<HttpRequestMessage>? configure = null)
    {
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        configure?.Invoke(request);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<IDocument> ParseAsync(string html) =>
        await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html), TestContext.Current.CancellationToken);

    /// <summary>Every JSON-LD document of the page, parsed.</summary>
    public static JsonElement[] JsonLd(this IDocument page) =>
        [.. page.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement)];

    /// <summary>The page's only JSON-LD document of a type.</summary>
    public static JsonElement JsonLd(this IDocument page, string type) =>
        Assert.Single(page.JsonLd(), e => e.GetProperty("@type").GetString() == type);

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static string? Meta(this IDocument page, string selector) => page.QuerySelector(selector)?.GetAttribute("content");

    /// <summary>Copies the bundled content to a temporary folder that the test may change; deleted on dispose.</summary>
    public sealed class ContentCopy : IDisposable
    {
        public ContentCopy()
        {
            Root = Path.Combine(Path.GetTempPath(), "careerguides-web-tests", Guid.NewGuid().ToString("n"));
            foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Content, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(Root, Path.GetRelativePath(RepositoryPaths.Content, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        public string Root { get; }

        /// <summary>Replaces exactly one occurrence of a text in a content file.</summary>
        public ContentCopy Replace(string relativePath, string oldText, string newText)
        {
            var path = Path.Combine(Root, relativePath);
            var text = File.ReadAllText(path);
            Assert.True(text.Split(oldText).Length == 2, $"'{oldText}' must occur once in {relativePath}");
            File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal));
            return this;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }
}
