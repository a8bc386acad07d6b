namespace Modules.Upwork.Data;

/// <summary>A user's connected Upwork account (table <c>upwork.connections</c>). Tokens are sealed by Identity's <c>ISecretProtector</c>.</summary>
internal sealed class UpworkConnection
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string UpworkUserId { get; set; }
    public string? UpworkNid { get; set; }
    public string? UpworkName { get; set; }
    public string? UpworkEmail { get; set; }
    public string? OrganizationId { get; set; }
    public string? OrganizationName { get; set; }
    public required string AccessToken { get; set; }
    public string? RefreshToken { get; set; }
    public DateTimeOffset AccessTokenExpiresAt { get; set; }
    public DateTimeOffset? RefreshTokenExpiresAt { get; set; }

    /// <summary><c>active</c>, or <c>reconnect</c> once Upwork refused the refresh token: the user must connect again.</summary>
    public string Status { get; set; } = ConnectionStatus.Active;
    public string? LastError { get; set; }
    public DateTimeOffset ConnectedAt { get; set; }
    public DateTimeOffset? RefreshedAt { get; set; }
    public DateTimeOffset? LastSyncAt { get; set; }

    /// <summary>Poll Upwork for this user's saved searches (Upwork's terms: only for users who asked for alerts).</summary>
    public bool AlertsEnabled { get; set; } = true;

    /// <summary>Purpose strings bind each sealed token to its row and kind.</summary>
    public static string Purpose(Guid userId, string kind) => $"upwork-token:{userId:N}:{kind}";
}
