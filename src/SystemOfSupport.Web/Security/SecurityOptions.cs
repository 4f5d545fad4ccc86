namespace SystemOfSupport.Web.Security;

/// <summary>The <c>Sos:Security</c> configuration section.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Sos:Security";

    /// <summary>
    /// Mark the sign-in and antiforgery cookies Secure on every response. Off by default because <c>sos serve</c> listens
    /// on plain http on loopback; they are Secure anyway on any request that came over https. Turn on behind a TLS proxy.
    /// </summary>
    public bool SecureCookies { get; set; }

    /// <summary>Sign-in attempts (POST /signin) one client address may make per minute; more are answered 429.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 30;

    /// <summary>Wrong passwords in a row before an account is locked (ASP.NET Core Identity lockout).</summary>
    public int LockoutAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public int LockoutMinutes { get; set; } = 5;
}
