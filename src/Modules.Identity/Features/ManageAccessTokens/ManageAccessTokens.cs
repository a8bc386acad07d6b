using Contracts.Identity;
using FluentValidation;
using Modules.Identity.Auth;
using Modules.Identity.Data;

namespace Modules.Identity.Features.ManageAccessTokens;

/// <summary>
/// The Settings page's Access tokens panel and <c>/api/v1/identity/access-tokens</c>: create (the secret shown once),
/// list with last use, address and scopes, revoke; admins list and revoke every member's. Each change is audited.
/// </summary>
internal sealed class ManageAccessTokens(IDbContextFactory<AppDbContext> contexts, PersonalAccessTokens tokens, AuditLog audit, TimeProvider time)
{
    public const string Created = "access_token_created";
    public const string Revoked = "access_token_revoked";

    /// <summary>Most tokens one user may hold open at once.</summary>
    public const int MaxPerUser = 25;

    /// <summary>The user's tokens still usable, newest first (every user's for <paramref name="allUsers"/>: admins).</summary>
    public async Task<IReadOnlyList<AccessTokenRow>> ListAsync(Guid userId, bool allUsers, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await (from t in db.PersonalAccessTokens().AsNoTracking()
                          join u in db.Users.AsNoTracking() on t.UserId equals u.Id
                          where (allUsers || t.UserId == userId) && t.RevokedAt == null
                          select new { t.Id, t.Name, t.Prefix, t.Scopes, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.LastUsedIp, t.UserId, u.Email }).ToListAsync(ct);
        return rows.Where(t => t.ExpiresAt is null || t.ExpiresAt > now).OrderByDescending(t => t.CreatedAt)
            .Select(t => new AccessTokenRow(t.Id, t.Name, t.Prefix + "…", t.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), t.CreatedAt, t.ExpiresAt,
                t.LastUsedAt, t.LastUsedIp, t.UserId, t.Email ?? ""))
            .ToList();
    }

    /// <summary>Creates a token; the secret is in the result and nowhere else. Null with an error when refused.</summary>
    public async Task<(NewAccessTokenResult? Token, string? Error)> CreateAsync(Guid userId, NewAccessToken input, HttpContext? http, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var open = await db.PersonalAccessTokens().CountAsync(t => t.UserId == userId && t.RevokedAt == null, ct);
        if (open >= MaxPerUser) return (null, $"You can hold at most {MaxPerUser} tokens: revoke one first");
        var expires = input.ExpiresInDays is { } days ? now.AddDays(days) : (DateTimeOffset?)null;
        var (row, secret) = tokens.Issue(db, userId, input.Name!, input.Scopes!, expires);
        audit.Add(db, userId, Created, $"{row.Name} ({row.Scopes})", http);
        await db.SaveChangesAsync(ct);
        return (new NewAccessTokenResult(row.Id, row.Name, secret, row.Scopes.Split(' '), row.ExpiresAt), null);
    }

    /// <summary>Revokes one of the user's tokens (any member's for an admin); false when there is no such token.</summary>
    public async Task<bool> RevokeAsync(Guid userId, Guid tokenId, bool asAdmin, HttpContext? http, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var token = await tokens.RevokeAsync(db, asAdmin ? null : userId, tokenId, asAdmin ? "revoked by admin" : "revoked by user", ct);
        if (token is null) return false;
        audit.Add(db, userId, Revoked, token.UserId == userId ? token.Name : $"{token.Name} of user {token.UserId}", http);
        if (token.UserId != userId) audit.Add(db, token.UserId, Revoked, $"{token.Name} (by an admin)", http);
        await db.SaveChangesAsync(ct);
        return true;
    }
}

/// <summary>A token as listed: never its secret.</summary>
internal sealed record AccessTokenRow(Guid Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt, string? LastUsedIp, Guid UserId, string OwnerEmail);

/// <summary>Body of <c>POST /api/v1/identity/access-tokens</c>: a name, scopes, and optionally days until it expires.</summary>
internal sealed record NewAccessToken(string? Name, IReadOnlyList<string>? Scopes, int? ExpiresInDays = null);

/// <summary>The one time the secret is shown.</summary>
internal sealed record NewAccessTokenResult(Guid Id, string Name, string Token, IReadOnlyList<string> Scopes, DateTimeOffset? ExpiresAt);

internal sealed class NewAccessTokenValidator : AbstractValidator<NewAccessToken>
{
    public NewAccessTokenValidator()
    {
        RuleFor(t => t.Name).NotEmpty().WithMessage("name is required").MaximumLength(100).WithMessage("name must be at most 100 characters");
        RuleFor(t => t.Scopes).NotEmpty().WithMessage($"scopes must name at least one of: {string.Join(", ", AccessScopes.All)}");
        RuleFor(t => t.Scopes).Must(s => s!.All(AccessScopes.All.Contains)).When(t => t.Scopes is not null)
            .WithMessage($"scopes may only be: {string.Join(", ", AccessScopes.All)}");
        RuleFor(t => t.ExpiresInDays).InclusiveBetween(1, 365).WithMessage("expiresInDays must be between 1 and 365 (or left out: no expiry)");
    }
}
