using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace SystemOfSupport.Web.Security;

/// <summary>
/// The app's protections in one place (SECURITY.md): security headers, cookies, sign-in throttling (a rate limit per client
/// address and Identity's lockout per account), and the cross-site check on the API. Razor Pages check antiforgery tokens
/// on every form post by default.
/// </summary>
public static class WebSecurity
{
    private const string SignInPolicy = "signin";

    public static IServiceCollection AddSosSecurity(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section);
        services.AddOptions<IdentityOptions>().Configure<IOptions<SecurityOptions>>((identity, security) =>
        {
            identity.Lockout.AllowedForNewUsers = true;
            identity.Lockout.MaxFailedAccessAttempts = security.Value.LockoutAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.Value.LockoutMinutes);
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<SecurityOptions>>((cookie, security) =>
            Harden(cookie.Cookie, security.Value));
        services.AddOptions<AntiforgeryOptions>().Configure<IOptions<SecurityOptions>>((antiforgery, security) =>
            Harden(antiforgery.Cookie, security.Value));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals("/signin", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "local",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.SignInAttemptsPerMinute,
                            Window = TimeSpan.FromMinutes(1),
                        })
                    : RateLimitPartition.GetNoLimiter(SignInPolicy));
        });
        return services;
    }

    /// <summary>Before authentication: headers on every response, HSTS outside development, the API's cross-site check, the sign-in limit.</summary>
    public static WebApplication UseSosSecurity(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use(SecurityHeaders.Add);
        app.Use(CrossSiteRequests.Refuse);
        app.UseRateLimiter();
        return app;
    }

    private static void Harden(CookieBuilder cookie, SecurityOptions security)
    {
        cookie.HttpOnly = true;
        // Lax: a link from an email still arrives signed in; a post from another site does not carry the cookie.
        cookie.SameSite = SameSiteMode.Lax;
        cookie.SecurePolicy = security.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
    }
}
