namespace Modules.Upwork.Data;

/// <summary>Values of <see cref="JobAccess.Via"/>.</summary>
internal static class JobAccessVia
{
    /// <summary>Fetched from the Upwork API with the user's own token.</summary>
    public const string Fetch = "fetch";
    public const string Paste = "paste";
    public const string Webhook = "webhook";
}
