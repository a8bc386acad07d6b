using FakeUpwork.Data;

namespace FakeUpwork;

/// <summary>Authorization codes and tokens (docs/upwork-api.md §1.3–1.4), all timed on the fake clock.</summary>
public sealed partial class FakeUpworkState
{
    internal static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(24);
    internal static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(14);
    internal static readonly TimeSpan RotatedRefreshLifetime = TimeSpan.FromHours(24);
    internal static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, CodeEntry> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TokenEntry> _tokens = new(StringComparer.Ordinal);
    private readonly List<TokenEntry> _tokenLog = [];

    /// <summary>A snapshot of every access and refresh token issued so far, with expiry and revocation.</summary>
    public IReadOnlyList<FakeIssuedToken> IssuedTokens
    {
        get
        {
            lock (Sync)
            {
                return [.. _tokenLog.Select(t => new FakeIssuedToken(t.Token, t.Kind, t.ClientId, t.UserId, t.IssuedAt, t.ExpiresAt, t.Revoked, t.Grant))];
            }
        }
    }

    /// <summary>Revokes every token, or every token of one user.</summary>
    /// <param name="userId">The user, or null for all.</param>
    /// <returns>How many tokens were newly revoked.</returns>
    public int RevokeTokens(string? userId = null)
    {
        lock (Sync)
        {
            return RevokeWhere(t => userId is null || t.UserId == userId);
        }
    }

    /// <summary>Revokes one access or refresh token.</summary>
    /// <param name="token">The token string.</param>
    /// <returns>Whether it existed and was not revoked yet.</returns>
    public bool RevokeToken(string token)
    {
        lock (Sync)
        {
            return RevokeWhere(t => t.Token == token) > 0;
        }
    }

    /// <summary>Sets the expiry of an issued token (e.g. to make one access token expire without moving the clock).</summary>
    /// <param name="token">The token string.</param>
    /// <param name="expiresAt">The new expiry.</param>
    public void SetTokenExpiry(string token, DateTimeOffset expiresAt)
    {
        lock (Sync)
        {
            if (!_tokens.TryGetValue(token, out var entry))
            {
                throw new KeyNotFoundException("Unknown token.");
            }

            entry.ExpiresAt = expiresAt;
        }
    }

    internal string IssueCode(string clientId, string redirectUri, string userId)
    {
        lock (Sync)
        {
            var code = Fmt.Hex32();
            _codes[code] = new CodeEntry(clientId, redirectUri, userId, _clock.Now + CodeLifetime);
            return code;
        }
    }

    /// <summary>Redeems a code: single use, unexpired, same client and redirect URI.</summary>
    internal string? RedeemCode(string code, string clientId, string redirectUri)
    {
        lock (Sync)
        {
            if (!_codes.TryGetValue(code, out var entry) || entry.Used || entry.ExpiresAt <= _clock.Now
                || entry.ClientId != clientId || entry.RedirectUri != redirectUri)
            {
                return null;
            }

            entry.Used = true;
            return entry.UserId;
        }
    }

    internal (string Access, string? Refresh) IssueTokens(string clientId, string userId, string grant, bool withRefresh)
    {
        lock (Sync)
        {
            var now = _clock.Now;
            var access = AddToken(FakeTokenKind.Access, clientId, userId, now, now + AccessTokenLifetime, grant);
            var refresh = withRefresh ? AddToken(FakeTokenKind.Refresh, clientId, userId, now, now + RefreshTokenLifetime, grant) : null;
            return (access, refresh);
        }
    }

    /// <summary>
    /// Rotates a refresh token: a new access token (24 h) and a new refresh token (14 d); the old refresh token stays
    /// usable but expires at min(current expiry, now + 24 h).
    /// </summary>
    internal (string Access, string Refresh)? Refresh(string clientId, string refreshToken)
    {
        lock (Sync)
        {
            var now = _clock.Now;
            if (!_tokens.TryGetValue(refreshToken, out var old) || old.Kind != FakeTokenKind.Refresh || old.Revoked
                || old.ExpiresAt <= now || old.ClientId != clientId || FindUser(old.UserId) is null)
            {
                return null;
            }

            var cut = now + RotatedRefreshLifetime;
            if (cut < old.ExpiresAt)
            {
                old.ExpiresAt = cut;
            }

            var access = AddToken(FakeTokenKind.Access, clientId, old.UserId, now, now + AccessTokenLifetime, "refresh_token");
            var refresh = AddToken(FakeTokenKind.Refresh, clientId, old.UserId, now, now + RefreshTokenLifetime, "refresh_token");
            return (access, refresh);
        }
    }

    /// <summary>Resolves a bearer token to its client (a copy) and user, if it is a live access token.</summary>
    internal (FakeClient Client, FakeUser User)? Authenticate(string accessToken)
    {
        lock (Sync)
        {
            if (!_tokens.TryGetValue(accessToken, out var entry) || entry.Kind != FakeTokenKind.Access || entry.Revoked
                || entry.ExpiresAt <= _clock.Now)
            {
                return null;
            }

            var client = FindClient(entry.ClientId);
            var user = FindUser(entry.UserId);
            return client is null || user is null ? null : (client.Clone(), user);
        }
    }

    private string AddToken(FakeTokenKind kind, string clientId, string userId, DateTimeOffset issuedAt, DateTimeOffset expiresAt, string grant)
    {
        var token = "oauth2v2_" + Fmt.Hex32();
        var entry = new TokenEntry(token, kind, clientId, userId, issuedAt, grant) { ExpiresAt = expiresAt };
        _tokens[token] = entry;
        _tokenLog.Add(entry);
        return token;
    }

    private int RevokeWhere(Func<TokenEntry, bool> predicate)
    {
        var count = 0;
        foreach (var entry in _tokenLog.Where(t => !t.Revoked && predicate(t)))
        {
            entry.Revoked = true;
            count++;
        }

        return count;
    }

    private sealed class CodeEntry(string clientId, string redirectUri, string userId, DateTimeOffset expiresAt)
    {
        public string ClientId { get; } = clientId;

        public string RedirectUri { get; } = redirectUri;

        public string UserId { get; } = userId;

        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public bool Used { get; set; }
    }

    private sealed class TokenEntry(string token, FakeTokenKind kind, string clientId, string userId, DateTimeOffset issuedAt, string grant)
    {
        public string Token { get; } = token;

        public FakeTokenKind Kind { get; } = kind;

        public string ClientId { get; } = clientId;

        public string UserId { get; } = userId;

        public DateTimeOffset IssuedAt { get; } = issuedAt;

        public string Grant { get; } = grant;

        public DateTimeOffset ExpiresAt { get; set; }

        public bool Revoked { get; set; }
    }
}
