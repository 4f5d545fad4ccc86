namespace SystemOfSupport.Web.Security;

/// <summary>
/// The JSON API takes the sign-in cookie, so a page on another site could make a signed-in browser post to it. Forms are
/// covered by antiforgery tokens; for the API a browser's own word is used: an unsafe request the browser marks as
/// cross-site (<c>Sec-Fetch-Site</c>) or whose <c>Origin</c> is another host is refused with 403. Programs (curl, the
/// tests) send neither header.
/// </summary>
internal static class CrossSiteRequests
{
    public static Task Refuse(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || !request.Path.StartsWithSegments("/api"))
        {
            return next();
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        var crossSite = site is "cross-site" or "same-site"
            || (origin.Length > 0 && (!Uri.TryCreate(origin, UriKind.Absolute, out var from) || !string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)));
        if (crossSite)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        return next();
    }
}
