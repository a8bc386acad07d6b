namespace Modules.Upwork.Features.ConnectUpwork;

/// <summary>
/// The messages the connection page shows for <c>?error=</c>: a fixed sentence per known code and one generic sentence
/// for anything else. The query text itself is never shown: anyone can send a member a link to
/// <c>/upwork/connection?error=Call+support+at+…</c>, and our page would otherwise say it for them.
/// </summary>
internal static class ConnectionErrors
{
    /// <summary>What any unknown code becomes.</summary>
    public const string Other = "oauth";

    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        // Ours (ConnectUpwork).
        ["state"] = "The Upwork sign-in could not be verified (it expired, was opened in another browser, or was not started here). Please try again.",
        ["not-configured"] = "The Upwork API key is not configured in this workspace.",
        ["exchange"] = "Upwork did not complete the connection. Please try again in a minute.",
        ["no-code"] = "Upwork came back without an authorization code. Please try again.",
        // The authorization server's error codes (RFC 6749 §4.1.2.1).
        ["access_denied"] = "You declined the connection on Upwork. Nothing was stored.",
        ["invalid_request"] = "Upwork refused the connection request. Please try again; if it keeps happening, ask your workspace admin to check the Upwork app settings.",
        ["unauthorized_client"] = "Upwork does not allow this workspace's app to connect accounts. Ask your workspace admin to check the Upwork app settings.",
        ["unsupported_response_type"] = "Upwork refused the connection request. Ask your workspace admin to check the Upwork app settings.",
        ["invalid_scope"] = "Upwork refused the permissions this app asks for. Ask your workspace admin to check the Upwork app settings.",
        ["server_error"] = "Upwork had a problem completing the connection. Please try again in a minute.",
        ["temporarily_unavailable"] = "Upwork is temporarily unavailable. Please try again in a few minutes.",
        [Other] = "The connection to Upwork did not complete. Please try again.",
    };

    /// <summary>The code itself when known, else <see cref="Other"/>: what the callback passes on in its redirect.</summary>
    public static string Normalise(string? code) => code is not null && Messages.ContainsKey(code) ? code : Other;

    /// <summary>The sentence to show for a code from the query string.</summary>
    public static string Text(string? code) => Messages[Normalise(code)];
}
