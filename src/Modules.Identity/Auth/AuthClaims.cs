namespace Modules.Identity.Auth;

internal static class AuthClaims
{
    /// <summary>The session (device) a principal belongs to; revoking it signs the principal out.</summary>
    public const string SessionId = "ua_sid";
}
