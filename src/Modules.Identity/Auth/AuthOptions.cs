namespace Modules.Identity.Auth;

/// <summary>Settings under <c>Auth</c>.</summary>
internal sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>HS256 signing key for access tokens (at least 32 bytes). Development generates one into the data folder.</summary>
    public string? JwtSigningKey { get; set; }

    public string Issuer { get; set; } = "upwork-assistant";

    public string Audience { get; set; } = "upwork-assistant-api";

    public int AccessTokenMinutes { get; set; } = 60;

    public int RefreshTokenDays { get; set; } = 7;

    /// <summary>Browser sessions last this long without activity.</summary>
    public int BrowserSessionDays { get; set; } = 14;

    public int LockoutMaxFailedAttempts { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Anyone may register (the first account becomes the admin). Off: only the first account.</summary>
    public bool OpenRegistration { get; set; } = true;

    /// <summary>New accounts must follow an e-mailed link before they can sign in (needs SMTP settings). Off by default.</summary>
    public bool RequireConfirmedEmail { get; set; }

    /// <summary>PBKDF2 iterations (OWASP 2023: 210,000 for HMAC-SHA512). Older hashes are upgraded on sign-in.</summary>
    public int PasswordHashIterations { get; set; } = 210_000;

    /// <summary>Security events older than this many days are purged (by <c>PurgeAuditEventsJob</c>); 0 keeps them forever.</summary>
    public int AuditRetentionDays { get; set; } = 365;
}
