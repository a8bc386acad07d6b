namespace Modules.Identity.Data;

/// <summary>
/// A personal access token (docs/mcp.md): a named bearer secret with scopes, for scripts and AI agents. Only the SHA-256
/// of the secret is stored; <see cref="Prefix"/> (its first characters) lets the user tell tokens apart.
/// </summary>
internal sealed class PersonalAccessToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    public required string TokenHash { get; set; }
    public required string Prefix { get; set; }

    /// <summary>Space-separated scopes (<c>Contracts.Identity.AccessScopes</c>).</summary>
    public required string Scopes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public string? LastUsedIp { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
