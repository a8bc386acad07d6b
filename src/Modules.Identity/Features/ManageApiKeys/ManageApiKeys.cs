using Contracts.Ai;
using Contracts.Identity;
using FluentValidation;
using Modules.Identity.Auth;
using Modules.Identity.Data;
using Modules.Identity.Security;

namespace Modules.Identity.Features.ManageApiKeys;

/// <summary>
/// Bring-your-own AI keys. A user keeps one key per provider; an admin keeps workspace keys that members fall back
/// to. Keys are shown only as a hint (<c>sk-…abcd</c>) and never leave the server again once stored.
/// </summary>
internal sealed class ManageApiKeys(IDbContextFactory<AppDbContext> contexts, KeyEncryption encryption, AuditLog audit, TimeProvider time, IAiKeyTester tester) : IApiKeyVault
{
    public const string UserScope = "user";
    public const string WorkspaceScope = "workspace";

    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ApiKeys().AsNoTracking()
            .Where(k => k.IsActive && (k.UserId == userId || k.UserId == null))
            .OrderBy(k => k.UserId == null).ThenBy(k => k.Provider)
            .Select(k => new ApiKeyRow(k.Id, k.Provider, k.UserId == null ? WorkspaceScope : UserScope, k.Hint, k.BaseUrl, k.CreatedAt))
            .ToListAsync(ct);
    }

    /// <summary>Stores a key, replacing the owner's previous key for the same provider.</summary>
    public async Task<ApiKeyRow> AddAsync(Guid userId, NewApiKey request, HttpContext? http, CancellationToken ct)
    {
        var owner = request.Scope == WorkspaceScope ? (Guid?)null : userId;
        var provider = request.Provider.Trim().ToLowerInvariant();
        var key = request.ApiKey.Trim();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var previous = await db.ApiKeys().Where(k => k.UserId == owner && k.Provider == provider).ToListAsync(ct);
        db.ApiKeys().RemoveRange(previous);
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7();
        var sealedKey = encryption.Encrypt(key, AssociatedData(owner, provider));
        db.ApiKeys().Add(new StoredApiKey
        {
            Id = id, UserId = owner, Provider = provider, Ciphertext = sealedKey.Ciphertext, Nonce = sealedKey.Nonce, Tag = sealedKey.Tag,
            KeyVersion = sealedKey.KeyVersion, BaseUrl = string.IsNullOrWhiteSpace(request.BaseUrl) ? null : request.BaseUrl.Trim(),
            Hint = Hint(key), CreatedAt = now, UpdatedAt = now,
        });
        audit.Add(db, userId, "api_key_added", $"{request.Scope} {provider}", http);
        await db.SaveChangesAsync(ct);
        return new ApiKeyRow(id, provider, owner is null ? WorkspaceScope : UserScope, Hint(key), request.BaseUrl, now);
    }

    /// <summary>Deletes one of the user's keys, or (for an admin) a workspace key. False when there is no such key of theirs.</summary>
    public async Task<bool> DeleteAsync(Guid userId, bool isAdmin, Guid id, HttpContext? http, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = await db.ApiKeys().FirstOrDefaultAsync(k => k.Id == id && (k.UserId == userId || (isAdmin && k.UserId == null)), ct);
        if (key is null) return false;
        db.ApiKeys().Remove(key);
        audit.Add(db, userId, "api_key_removed", $"{(key.UserId is null ? WorkspaceScope : UserScope)} {key.Provider}", http);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// "Test connection" for one of the user's keys or a workspace key (the ones they can see); null when there is no
    /// such key for them, so someone else's key id answers like a missing one. The AI module makes the call.
    /// </summary>
    public async Task<AiKeyTestResult?> TestAsync(Guid userId, Guid id, CancellationToken ct)
    {
        StoredApiKey? key;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            key = await db.ApiKeys().AsNoTracking().FirstOrDefaultAsync(k => k.Id == id && k.IsActive && (k.UserId == userId || k.UserId == null), ct);
        if (key is null) return null;
        var plaintext = encryption.Decrypt(new Sealed(key.Ciphertext, key.Nonce, key.Tag, key.KeyVersion), AssociatedData(key.UserId, key.Provider));
        // A member's own base URL goes through the guarded client; a workspace key's URL is the admin's, like configuration.
        return await tester.TestAsync(key.Provider, plaintext, key.BaseUrl, baseUrlFromUser: key.UserId is not null, ct);
    }

    public async Task<ProviderCredential?> GetAsync(Guid userId, string provider, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var candidates = await db.ApiKeys().AsNoTracking()
            .Where(k => k.IsActive && k.Provider == provider && (k.UserId == userId || k.UserId == null))
            .ToListAsync(ct);
        var key = candidates.FirstOrDefault(k => k.UserId == userId) ?? candidates.FirstOrDefault();
        if (key is null) return null;
        var plaintext = encryption.Decrypt(new Sealed(key.Ciphertext, key.Nonce, key.Tag, key.KeyVersion), AssociatedData(key.UserId, key.Provider));
        return new ProviderCredential(key.Provider, plaintext, key.BaseUrl, key.UserId is null ? WorkspaceScope : UserScope);
    }

    public async Task<IReadOnlyDictionary<string, ProviderCredential>> GetAllAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var candidates = await db.ApiKeys().AsNoTracking().Where(k => k.IsActive && (k.UserId == userId || k.UserId == null)).ToListAsync(ct);
        return candidates.GroupBy(k => k.Provider).ToDictionary(g => g.Key, g =>
        {
            var key = g.FirstOrDefault(k => k.UserId == userId) ?? g.First();
            var plaintext = encryption.Decrypt(new Sealed(key.Ciphertext, key.Nonce, key.Tag, key.KeyVersion), AssociatedData(key.UserId, key.Provider));
            return new ProviderCredential(key.Provider, plaintext, key.BaseUrl, key.UserId is null ? WorkspaceScope : UserScope);
        });
    }

    /// <summary>
    /// Re-encrypts every secret (API keys and authenticator secrets) not under the active master key version.
    /// Returns how many rows changed; running it again changes nothing.
    /// </summary>
    internal static string AssociatedData(Guid? owner, string provider) => $"{owner?.ToString("N") ?? WorkspaceScope}:{provider}";

    internal static string Hint(string key) => key.Length >= 12 ? $"{key[..3]}…{key[^4..]}" : $"…{key[^Math.Min(2, key.Length)..]}";
}

internal sealed record ApiKeyRow(Guid Id, string Provider, string Scope, string Hint, string? BaseUrl, DateTimeOffset CreatedAt);

internal sealed record NewApiKey(string Provider, string ApiKey, string? BaseUrl, string Scope = ManageApiKeys.UserScope);

internal sealed class NewApiKeyValidator : AbstractValidator<NewApiKey>
{
    private static readonly string[] Providers = [AiProviderKinds.OpenAI, AiProviderKinds.Anthropic, AiProviderKinds.OpenAICompatible];

    public NewApiKeyValidator()
    {
        RuleFor(k => k.Provider).Must(p => Providers.Contains(p?.Trim().ToLowerInvariant()))
            .WithMessage($"provider must be one of: {string.Join(", ", Providers)}");
        RuleFor(k => k.ApiKey).NotEmpty().WithMessage("apiKey is required")
            .MaximumLength(500).WithMessage("apiKey must be at most 500 characters");
        RuleFor(k => k.BaseUrl).NotEmpty().WithMessage("baseUrl is required for an OpenAI-compatible server")
            .When(k => k.Provider?.Trim().ToLowerInvariant() == AiProviderKinds.OpenAICompatible);
        RuleFor(k => k.BaseUrl).Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            .WithMessage("baseUrl must be an http or https URL").When(k => !string.IsNullOrWhiteSpace(k.BaseUrl));
        RuleFor(k => k.Scope).Must(s => s is ManageApiKeys.UserScope or ManageApiKeys.WorkspaceScope)
            .WithMessage("scope must be user or workspace");
    }
}
