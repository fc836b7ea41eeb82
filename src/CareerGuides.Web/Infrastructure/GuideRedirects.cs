using CareerGuides.Content.Loading;

namespace CareerGuides.Web.Infrastructure;

/// <summary>Old guide addresses (a guide's <c>redirect_from</c>) answer with a permanent redirect to the guide.</summary>
public static class GuideRedirects
{
    public static IApplicationBuilder UseGuideRedirects(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            && context.Request.Path.Value is { Length: > 1 } path
            && context.RequestServices.GetRequiredService<ContentSnapshot>().FindRedirect(path) is { } guide)
        {
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = guide.Url + context.Request.QueryString;
            return;
        }

        await next(context);
    });
}
